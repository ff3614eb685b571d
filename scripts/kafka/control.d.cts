/** Restarts the broker in place (same port and data) and resolves once it serves clients. */
export function restartBroker(stateFile?: string): Promise<void>;
/** Stops the broker; with { removeDir: false } its data directory is kept. */
export function stopBroker(stateFile?: string, options?: { removeDir?: boolean }): Promise<void>;
