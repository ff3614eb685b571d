/** Injection tokens of the governor's composition root. */
export const GOVERNOR_CONFIG = Symbol('GovernorConfig');
export const LOGGER = Symbol('JsonLogger');
export const KAFKA = Symbol('Kafka');
export const GOVERNANCE_WORKERS = Symbol('GovernanceWorkers');
