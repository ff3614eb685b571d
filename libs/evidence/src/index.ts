// Barrel: import this lib only as @lib/evidence.
export {};
