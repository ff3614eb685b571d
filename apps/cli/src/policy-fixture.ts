import type { CameraRecord, DetectionData, Verdict } from '@lib/contracts';

/** What one alert of the evaluation must look like; other alerts are not looked at. */
export interface ExpectedAlert {
  purpose: string;
  /** A partial object: every leaf listed here must be present with exactly this value. */
  data?: Record<string, unknown>;
  /** Dotted paths into `data` that must be absent. */
  absentPaths?: string[];
  /** The snapshot regions the alert asks to blur, in the engine's order; `[]` means none. */
  redaction?: string[];
}

export interface ExpectedFinding {
  code: string;
  path: string;
}

export interface ExpectedTransform {
  purpose: string;
  path: string;
  transform: string;
}

/**
 * The expected decision. Lists marked "subset" name what must appear and tolerate more; the
 * others must be equal (purposes in any order).
 */
export interface FixtureExpectation {
  verdict: Verdict;
  purposes?: string[];
  /** Subset of `decision.reasons[].code`. */
  reasonCodes?: string[];
  humanReview?: 'none' | 'required' | 'two-person';
  alerts?: ExpectedAlert[];
  /** Subset of the decision's findings, matched on code and path. */
  findings?: ExpectedFinding[];
  /** Subset of `decision.droppedPaths`. */
  droppedPaths?: string[];
  /** Subset of `decision.transforms`. */
  transforms?: ExpectedTransform[];
}

/** One `tamiz policy test` case: an event, the camera it came from, and the expected decision. */
export interface PolicyFixture {
  name: string;
  description?: string;
  /** The canonical data; an envelope given in the file is unwrapped after validation. */
  event: DetectionData;
  camera: CameraRecord | null;
  expect: FixtureExpectation;
}

/** One way an evaluation differs from its fixture, as the CLI prints it. */
export interface FixtureMismatch {
  /** Where, e.g. `verdict` or `alerts[vehiculo-requisitoriado].data.identifiers.plate.value`. */
  at: string;
  expected: string;
  actual: string;
}
