/**
 * One base for every error Tamiz raises on purpose. Each lib has its own code enum and subclass;
 * transports map codes to their own vocabulary (HTTP status, Kafka outcome) in one place.
 */
export class AppError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly retriable: boolean;

  constructor(args: { code: Code; message: string; retriable?: boolean; cause?: unknown }) {
    super(args.message, { cause: args.cause });
    this.name = new.target.name;
    this.code = args.code;
    this.retriable = args.retriable ?? false;
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable: ${JSON.stringify(value)}`);
}
