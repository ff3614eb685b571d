import { Environment, type ParseResult } from '@marcbachmann/cel-js';

/** The outcome of a purpose's `when` condition on one event. */
export enum ConditionResult {
  True = 'true',
  False = 'false',
  /** The expression failed on this event (e.g. a key the event lacks): fail closed. */
  Error = 'error',
}

export type Condition = (context: { event: unknown; camera: unknown }) => ConditionResult;

export type CelCompilation =
  { ok: true; condition: Condition } | { ok: false; position: number; detail: string };

// Two variables only, both maps; any other name is an error at validation. The limits keep a
// policy from embedding an expression too large to review.
const environment = new Environment({
  limits: { maxAstNodes: 500, maxDepth: 32, maxListElements: 256, maxMapEntries: 64 },
})
  .registerVariable('event', 'map')
  .registerVariable('camera', 'map');

const RESULT_TYPES: ReadonlySet<string | undefined> = new Set(['bool', 'dyn']);

/**
 * Parses and type-checks a CEL expression once (at compile time, never per event). On failure
 * returns the 0-based character position the parser or checker points at, and its message.
 */
export function compileCel(source: string): CelCompilation {
  let parsed: ParseResult;
  try {
    parsed = environment.parse(source);
  } catch (error) {
    return failure(error);
  }
  const check = parsed.check();
  if (!check.valid) {
    return failure(check.error);
  }
  if (!RESULT_TYPES.has(check.type)) {
    return {
      ok: false,
      position: 0,
      detail: `the condition yields ${check.type ?? 'no value'}, not true or false`,
    };
  }
  const condition: Condition = (context) => {
    try {
      return parsed(context) === true ? ConditionResult.True : ConditionResult.False;
    } catch {
      return ConditionResult.Error;
    }
  };
  return { ok: true, condition };
}

function failure(error: unknown): CelCompilation {
  const found = error as { range?: { start: number }; node?: { pos?: number }; message?: string };
  const position = found.range?.start ?? found.node?.pos ?? 0;
  // the first line only: the rest is an excerpt with a caret, which the path replaces
  const detail = String(found.message ?? error).split('\n')[0];
  return { ok: false, position, detail };
}
