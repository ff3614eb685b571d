import type { CameraRecord, DetectionData, Reason } from '@lib/contracts';
import { compileProjection, type Projection } from '@lib/redaction';
import type {
  HumanReview,
  LegalBasisV1,
  LocalisedText,
  Priority,
  PurposeV1,
} from './policy-document';
import { reasons } from './reasons';

/** A purpose prepared once at compile time so the per-event work is lookups and one projection. */
export interface CompiledPurpose {
  id: string;
  title: LocalisedText;
  legalBasis: LegalBasisV1;
  objectClasses: ReadonlySet<string> | null;
  zones: ReadonlySet<string> | null;
  minConfidence: number | null;
  humanReview: HumanReview;
  priority: Priority;
  recipients: readonly string[];
  /** Listed paths, sorted, with their segments split once. */
  fields: ReadonlyArray<{ path: string; segments: readonly string[] }>;
  project: Projection;
}

export function compilePurpose(purpose: PurposeV1): CompiledPurpose {
  const fields = [...purpose.fields].sort();
  return {
    id: purpose.id,
    title: { es: purpose.title.es, en: purpose.title.en },
    legalBasis: { ...purpose.legalBasis },
    objectClasses: purpose.objectClasses ? new Set(purpose.objectClasses) : null,
    zones: purpose.zones ? new Set(purpose.zones) : null,
    minConfidence: purpose.minConfidence ?? null,
    humanReview: purpose.humanReview,
    priority: purpose.priority,
    recipients: [...purpose.recipients],
    fields: fields.map((path) => ({ path, segments: path.split('.') })),
    project: compileProjection(fields),
  };
}

/**
 * Why this purpose may not act on this event; an empty list means it may. Every failed condition
 * is reported (not only the first), in a fixed order, so the decision explains itself fully.
 */
export function purposeRefusals(args: {
  purpose: CompiledPurpose;
  event: DetectionData;
  camera: CameraRecord;
}): Reason[] {
  const { purpose, event, camera } = args;
  const out: Reason[] = [];
  // Fail closed: no authorisation register exists yet, so such a purpose never acts (legal.md rule 12).
  if (purpose.legalBasis.kind === 'judicial-authorization') {
    out.push(reasons.authorizationRequired(purpose.id));
  }
  if (!camera.allowedPurposes.includes(purpose.id)) {
    out.push(reasons.cameraNotAllowed({ purposeId: purpose.id, camera }));
  }
  if (purpose.zones !== null && !purpose.zones.has(camera.zoneType)) {
    out.push(reasons.zoneMismatch({ purposeId: purpose.id, camera, zones: [...purpose.zones] }));
  }
  if (purpose.objectClasses !== null && !purpose.objectClasses.has(event.objectClass)) {
    out.push(
      reasons.objectClassMismatch({
        purposeId: purpose.id,
        objectClass: event.objectClass,
        objectClasses: [...purpose.objectClasses],
      }),
    );
  }
  if (purpose.minConfidence !== null && !(event.confidence >= purpose.minConfidence)) {
    out.push(
      reasons.confidenceBelowMin({
        purposeId: purpose.id,
        confidence: event.confidence,
        min: purpose.minConfidence,
      }),
    );
  }
  return out;
}
