export const ADMIN_CONFIG = Symbol('PolicyAdminConfig');
export const LOGGER = Symbol('Logger');
