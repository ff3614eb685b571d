import type {
  CameraRecord,
  DetectionData,
  Finding,
  PolicyRef,
  Reason,
  RegisteredAuthorisationV1,
} from '@lib/contracts';
import type { PseudonymKeyring } from '@lib/redaction';
import type { Evaluation, EvaluationInput, PolicyEvaluator } from '../policy-evaluator';
import {
  AuthorisationStatus,
  compileAuthorisations,
  type AuthorisationRegister,
} from './authorisations';
import { ConditionResult } from './cel-condition';
import {
  compilePurposeV2,
  passesStaticConditions,
  type CompiledPurposeV2,
} from './compiled-purpose-v2';
import { alertV2, forwardDecisionV2, suppressDecisionV2, type Match } from './decision-records-v2';
import { engineCitations, type EngineCitations } from './engine-citations';
import { vendorFindings } from './event-paths';
import { parseInstant } from './event-time';
import type { EngineTransformContext } from './pseudonym-memo';
import {
  DEFAULT_TIME_ZONE,
  type AuthorisationV2,
  type PolicyDocumentV2,
} from './policy-document-v2';
import { engineReasons, type EngineReasons } from './reasons-v2';

/**
 * Policy v2 semantics (docs/policy-v2-format.md): the candidates are the purposes listing the
 * event's analytic type, in purpose-id order. Each is refused with every static reason that
 * applies (registry, camera selector, zone, object class, confidence); otherwise its time
 * windows, then its CEL condition, then — for a face-match event or a purpose that requires it —
 * an authorisation in scope and in force at occurredAt decide. Each purpose that passes yields
 * one alert, minimised by its field plan. No purpose → suppressed, with every reason.
 */
export function createPolicyV2Evaluator(args: {
  document: PolicyDocumentV2;
  ref: PolicyRef;
  keyring: PseudonymKeyring;
}): PolicyEvaluator {
  const engine: Engine = {
    ref: Object.freeze({ ...args.ref }),
    keyring: args.keyring,
    documentAuthorisations: args.document.authorisations ?? [],
    ...compileEngine(args.document),
  };
  return evaluatorOf(engine);
}

function evaluatorOf(engine: Engine): PolicyEvaluator {
  return Object.freeze({
    policy: engine.ref,
    evaluate: (input: EvaluationInput) => evaluate(engine, input),
    // the compiled purposes, plans and reasons are shared; only the authorisations are compiled
    withRegisteredAuthorisations: (registered: readonly RegisteredAuthorisationV1[]) =>
      evaluatorOf({
        ...engine,
        authorisations: compileAuthorisations({
          document: engine.documentAuthorisations,
          registered,
          citations: engine.citations,
        }),
      }),
  });
}

interface Engine {
  ref: PolicyRef;
  keyring: PseudonymKeyring;
  documentAuthorisations: readonly AuthorisationV2[];
  byAnalytic: ReadonlyMap<string, readonly CompiledPurposeV2[]>;
  authorisations: AuthorisationRegister;
  /** The norms of the policy's jurisdiction, for the reasons and findings no purpose words. */
  citations: EngineCitations;
  reasons: EngineReasons;
}

function compileEngine(
  document: PolicyDocumentV2,
): Omit<Engine, 'ref' | 'keyring' | 'documentAuthorisations'> {
  const defaultZone = document.metadata.timeZone ?? DEFAULT_TIME_ZONE;
  const citations = engineCitations(document.metadata.jurisdiction);
  const byAnalytic = new Map<string, CompiledPurposeV2[]>();
  const sorted = [...document.purposes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const purpose of sorted) {
    const compiled = compilePurposeV2({
      purpose,
      retention: document.retention,
      defaultZone,
      citations,
    });
    for (const analytic of new Set(purpose.analytics)) {
      byAnalytic.set(analytic, [...(byAnalytic.get(analytic) ?? []), compiled]);
    }
  }
  return {
    byAnalytic,
    authorisations: compileAuthorisations({
      document: document.authorisations ?? [],
      citations,
    }),
    citations,
    reasons: engineReasons(citations),
  };
}

/** What one evaluation works out at most once, and only if a rule needs it. */
interface EventScope {
  event: DetectionData;
  camera: CameraRecord;
  atMs: number | undefined;
  cel: { event: DetectionData; camera: CameraRecord } | undefined;
}

function eventTime(scope: EventScope): number {
  return (scope.atMs ??= parseInstant(scope.event.occurredAt));
}

function evaluate(engine: Engine, input: EvaluationInput): Evaluation {
  const { event, camera } = input;
  const findings = vendorFindings(event, engine.citations);
  if (camera === null) {
    return suppressed({ engine, event, reasons: [engine.reasons.cameraUnknown], findings });
  }
  if (camera.cameraId !== event.cameraId) {
    return suppressed({ engine, event, reasons: [engine.reasons.cameraMismatch], findings });
  }
  const candidates = engine.byAnalytic.get(event.analyticType);
  if (candidates === undefined) {
    return suppressed({ engine, event, reasons: [engine.reasons.purposeNone], findings });
  }
  const scope: EventScope = { event, camera, atMs: undefined, cel: undefined };
  const reasons: Reason[] = [];
  const matched = matchPurposes({ engine, candidates, scope, reasons });
  if (matched.length === 0) {
    return suppressed({ engine, event, reasons, findings });
  }
  let pseudonyms = false;
  for (const { purpose } of matched) {
    pseudonyms ||= purpose.plan.usesPseudonyms;
  }
  const matches: Match[] = [];
  for (const { purpose, authorisation } of matched) {
    const ctx: EngineTransformContext = {
      purposeId: purpose.id,
      occurredAt: event.occurredAt,
      keyring: engine.keyring,
      // only the pseudonym cache reads it
      atMs: pseudonyms ? eventTime(scope) : NaN,
    };
    matches.push({ purpose, authorisation, output: purpose.plan.apply({ event, ctx }) });
  }
  const policy = engine.ref;
  const alerts = matches.map((match) => alertV2({ event, policy, match }));
  return {
    decision: forwardDecisionV2({ event, policy, matches, reasons, findings }),
    alerts,
  };
}

function suppressed(args: {
  engine: Engine;
  event: DetectionData;
  reasons: readonly Reason[];
  findings: readonly Finding[];
}): Evaluation {
  const { event, reasons, findings } = args;
  return {
    decision: suppressDecisionV2({ event, policy: args.engine.ref, reasons, findings }),
    alerts: [],
  };
}

function matchPurposes(args: {
  engine: Engine;
  candidates: readonly CompiledPurposeV2[];
  scope: EventScope;
  reasons: Reason[];
}): Array<Omit<Match, 'output'>> {
  const { scope, reasons } = args;
  const { event, camera } = scope;
  const faceMatch = event.identifiers?.faceMatch ?? null;
  const identification = event.analyticType === 'face-match' || faceMatch !== null;
  const matched: Array<Omit<Match, 'output'>> = [];
  for (const purpose of args.candidates) {
    if (!passesStaticConditions({ purpose, event, camera, why: reasons })) {
      continue;
    }
    if (purpose.windows !== null && !purpose.windows(eventTime(scope))) {
      reasons.push(purpose.reasons.outsideWindow);
      continue;
    }
    if (purpose.condition !== null) {
      const result = purpose.condition((scope.cel ??= { event, camera: celCamera(camera) }));
      if (result !== ConditionResult.True) {
        reasons.push(
          result === ConditionResult.False
            ? purpose.reasons.conditionFalse
            : purpose.reasons.conditionError,
        );
        continue;
      }
    }
    let authorisation: { ruleId: string } | null = null;
    if (identification || purpose.requiresAuthorization) {
      const check = args.engine.authorisations.check({
        purposeId: purpose.id,
        watchlist: faceMatch?.watchlist,
        cameraId: camera.cameraId,
        atMs: eventTime(scope),
      });
      if (check.status !== AuthorisationStatus.Valid) {
        reasons.push(authorisationRefusal(purpose, check.status));
        continue;
      }
      reasons.push(check.reason);
      authorisation = check;
    }
    reasons.push(purpose.reasons.matched);
    matched.push({ purpose, authorisation });
  }
  return matched;
}

function authorisationRefusal(
  purpose: CompiledPurposeV2,
  status: Exclude<AuthorisationStatus, AuthorisationStatus.Valid>,
): Reason {
  switch (status) {
    case AuthorisationStatus.Missing:
      return purpose.reasons.authorizationMissing;
    case AuthorisationStatus.Expired:
      return purpose.reasons.authorizationExpired;
    case AuthorisationStatus.OutOfScope:
      return purpose.reasons.authorizationOutOfScope;
  }
}

// CEL reads `camera.tags` as a list; the registry may not store tags yet (an absent list is an
// empty one). Cached per record object, which the registry keeps between events.
const celCameras = new WeakMap<CameraRecord, CameraRecord>();

function celCamera(camera: CameraRecord): CameraRecord {
  if (camera.tags !== undefined) {
    return camera;
  }
  let view = celCameras.get(camera);
  if (view === undefined) {
    view = { ...camera, tags: [] };
    celCameras.set(camera, view);
  }
  return view;
}
