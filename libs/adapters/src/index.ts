// Barrel: import this lib only as @lib/adapters.
export {};
