import type { PurposeV1 } from '../policy-document';
import type { PurposeV2 } from '../v2/policy-document-v2';
import type { DiffablePolicy, DiffablePurpose } from './policy-diff';

/** Reduces a validated tamiz/v1 or tamiz/v2 document to what `diffPolicies` compares. */
export function normalisePolicy(doc: unknown): DiffablePolicy {
  const d = doc as { apiVersion: string; retention: Record<string, string>; purposes: unknown[] };
  const purposes =
    d.apiVersion === 'tamiz/v1'
      ? (d.purposes as PurposeV1[]).map(fromV1)
      : (d.purposes as PurposeV2[]).map(fromV2);
  return { retention: { ...d.retention }, purposes };
}

function fromV1(p: PurposeV1): DiffablePurpose {
  return {
    id: p.id,
    fields: Object.fromEntries(p.fields.map((f) => [f, 'keep'])),
    analytics: [...p.analytics],
    minConfidence: p.minConfidence ?? 0,
    windows: undefined,
    cameras: { zones: p.zones, objectClasses: p.objectClasses },
    requiresAuthorization: false,
    humanReview: p.humanReview,
    retentionClass: 'alerts',
  };
}

function fromV2(p: PurposeV2): DiffablePurpose {
  return {
    id: p.id,
    fields: { ...p.fields },
    analytics: [...p.analytics],
    minConfidence: p.minConfidence ?? 0,
    windows: p.windows,
    cameras: {
      ids: p.cameras?.ids,
      zones: p.cameras?.zones,
      tags: p.cameras?.tags,
      objectClasses: p.objectClasses,
    },
    requiresAuthorization: p.requiresAuthorization ?? false,
    humanReview: p.humanReview,
    retentionClass: p.retentionClass ?? 'alerts',
  };
}
