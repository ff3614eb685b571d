import {
  HARD_DENIED_PURPOSE_WORDS,
  HUMAN_REVIEW_LEVELS,
  LEGAL_BASIS_KINDS,
  PRIORITIES,
} from '../policy-document';
import { EXPECTED, policyIssues } from '../policy-issues';
import type { DocNode, PolicyReader } from '../policy-reader';
import { SLUG } from '../policy-document';
import { compileCel } from './cel-condition';
import { policyIssuesV2 } from './policy-issues-v2';
import type { PurposeOutline } from './purpose-conflicts';
import type { EngineCitations } from './engine-citations';
import { validateFieldsV2 } from './validate-fields-v2';
import { validateWindows } from './validate-windows';

const PURPOSE_KEYS = [
  'id',
  'title',
  'legalBasis',
  'analytics',
  'objectClasses',
  'cameras',
  'windows',
  'when',
  'minConfidence',
  'humanReview',
  'requiresAuthorization',
  'priority',
  'recipients',
  'retentionClass',
  'fields',
] as const;

const BOOLEAN = { es: 'true o false', en: 'true or false' };

/**
 * One purpose of a v2 document: reports each of its problems. Returns what the conflict check
 * needs when the purpose's id and selectors are well formed.
 */
export function validatePurposeV2(
  reader: PolicyReader,
  args: {
    node: DocNode;
    retentionClasses: ReadonlySet<string>;
    defaultZone: string;
    citations: EngineCitations;
  },
): PurposeOutline | undefined {
  const keys = reader.object(args.node, { required: true, keys: PURPOSE_KEYS });
  if (keys === undefined) {
    return undefined;
  }
  const id = reader.string(keys.id, { required: true, pattern: SLUG, format: EXPECTED.slug });
  if (id !== undefined && id.split('-').some((word) => HARD_DENIED_PURPOSE_WORDS.has(word))) {
    reader.report(policyIssues.hardDeniedPurpose(keys.id.path, id));
  }
  const title = reader.object(keys.title, { required: true, keys: ['es', 'en'] });
  if (title !== undefined) {
    reader.string(title.es, { required: true });
    reader.string(title.en, { required: true });
  }
  validateLegalBasis(reader, keys.legalBasis);
  const analytics = reader.stringList(keys.analytics, { required: true });
  const objectClasses = reader.stringList(keys.objectClasses, { required: false });
  const cameras = validateCameraSelector(reader, keys.cameras);
  validateWindows(reader, keys.windows);
  const when = reader.string(keys.when, { required: false });
  if (when !== undefined) {
    const compiled = compileCel(when);
    if (!compiled.ok) {
      reader.report(policyIssuesV2.invalidCel(keys.when.path, compiled));
    }
  }
  reader.number(keys.minConfidence, { required: false, min: 0, max: 1 });
  const humanReview = reader.oneOf(keys.humanReview, {
    required: true,
    values: HUMAN_REVIEW_LEVELS,
  });
  const requiresAuthorization = keys.requiresAuthorization.value ?? false;
  if (typeof requiresAuthorization !== 'boolean') {
    reader.report(policyIssues.invalidType(keys.requiresAuthorization.path, BOOLEAN));
  }
  reader.oneOf(keys.priority, { required: true, values: PRIORITIES });
  reader.stringList(keys.recipients, { required: true });
  const retentionClass = reader.string(keys.retentionClass, { required: false });
  // an unusable retention block was reported already; naming every class unknown would be noise
  if (
    retentionClass !== undefined &&
    args.retentionClasses.size > 0 &&
    !args.retentionClasses.has(retentionClass)
  ) {
    reader.report(
      policyIssuesV2.unknownRetentionClass(keys.retentionClass.path, {
        name: retentionClass,
        known: [...args.retentionClasses].sort(),
      }),
    );
  }
  validateFieldsV2(reader, {
    node: keys.fields,
    requiresAuthorization: requiresAuthorization === true,
    citations: args.citations,
  });
  if (id === undefined || analytics === undefined || humanReview === undefined) {
    return undefined;
  }
  return {
    id,
    path: args.node.path,
    analytics: new Set(analytics),
    objectClasses: objectClasses && new Set(objectClasses),
    cameraIds: cameras?.ids,
    zones: cameras?.zones,
    guarded: requiresAuthorization === true,
    twoPerson: humanReview === 'two-person',
  };
}

function validateLegalBasis(reader: PolicyReader, node: DocNode): void {
  if (node.value === undefined) {
    reader.report(policyIssuesV2.missingLegalBasis(node.path, 'basis'));
    return;
  }
  const keys = reader.object(node, { required: true, keys: ['kind', 'citation'] });
  if (keys === undefined) {
    return;
  }
  if (keys.kind.value === undefined) {
    reader.report(policyIssuesV2.missingLegalBasis(keys.kind.path, 'kind'));
  }
  const kind = reader.oneOf(keys.kind, { required: false, values: LEGAL_BASIS_KINDS });
  // every basis but consent rests on a norm that the decision cites (legal.md rule 3)
  if (kind !== 'consent' && keys.citation.value === undefined) {
    reader.report(policyIssuesV2.missingLegalBasis(keys.citation.path, 'citation'));
  }
  reader.string(keys.citation, { required: false });
}

function validateCameraSelector(
  reader: PolicyReader,
  node: DocNode,
): { ids?: Set<string>; zones?: Set<string> } | undefined {
  const keys = reader.object(node, { required: false, keys: ['ids', 'zones', 'tags'] });
  if (keys === undefined) {
    return undefined;
  }
  const ids = reader.stringList(keys.ids, { required: false });
  const zones = reader.stringList(keys.zones, { required: false });
  reader.stringList(keys.tags, { required: false });
  const given = [keys.ids, keys.zones, keys.tags].some((key) => key.value !== undefined);
  if (!given) {
    reader.report(policyIssues.empty(node.path));
  }
  return {
    ...(ids === undefined ? {} : { ids: new Set(ids) }),
    ...(zones === undefined ? {} : { zones: new Set(zones) }),
  };
}
