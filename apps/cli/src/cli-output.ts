/** Where the CLI writes; main.ts binds it to stdout and stderr, specs collect the lines. */
export interface CliOutput {
  /** The report: lint issues, fixture results, summaries. */
  out(line: string): void;
  /** Why a command could not run at all: unreadable files, bad usage, bad configuration. */
  err(line: string): void;
}

export const EXIT_OK = 0;
/** An invalid policy, a failed fixture, or an input that could not be read. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
