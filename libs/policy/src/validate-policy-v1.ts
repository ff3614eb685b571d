import type { PolicyDocumentV1 } from './policy-document';
import { PolicyError, PolicyErrorCode } from './policy.error';
import { EXPECTED, policyIssues } from './policy-issues';
import { PolicyReader, type DocNode } from './policy-reader';
import { SLUG, validatePurpose } from './validate-purpose';

const TOP_LEVEL_KEYS = ['apiVersion', 'kind', 'metadata', 'retention', 'purposes'] as const;
const METADATA_KEYS = ['id', 'version', 'jurisdiction', 'controller', 'dpia'] as const;
const RETENTION_KEYS = ['metadata', 'alerts', 'rawEvidence', 'audit'] as const;

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const COUNTRY = /^[A-Z]{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks a parsed policy document against the v1 rules and returns it typed. Throws a
 * `PolicyError` (code `policy_invalid`) listing every problem, each with its JSON Pointer.
 */
export function validatePolicyV1(doc: unknown): PolicyDocumentV1 {
  const reader = new PolicyReader();
  const root: DocNode = { value: doc, path: '' };
  const keys = reader.object(root, { required: true, keys: TOP_LEVEL_KEYS });
  if (keys !== undefined) {
    reader.oneOf(keys.apiVersion, { required: true, values: ['tamiz/v1'] });
    reader.oneOf(keys.kind, { required: true, values: ['Policy'] });
    validateMetadata(reader, keys.metadata);
    validateRetention(reader, keys.retention);
    validatePurposes(reader, keys.purposes);
  }
  if (reader.issues.length > 0) {
    throw new PolicyError({ code: PolicyErrorCode.Invalid, issues: reader.issues });
  }
  // Every key was checked above, so the document now has exactly the v1 shape.
  return doc as PolicyDocumentV1;
}

function validateMetadata(reader: PolicyReader, node: DocNode): void {
  const keys = reader.object(node, { required: true, keys: METADATA_KEYS });
  if (keys === undefined) {
    return;
  }
  reader.string(keys.id, { required: true, pattern: SLUG, format: EXPECTED.slug });
  reader.string(keys.version, { required: true });
  reader.string(keys.jurisdiction, { required: false, pattern: COUNTRY, format: EXPECTED.country });
  reader.string(keys.controller, { required: false });
  const dpia = reader.object(keys.dpia, { required: false, keys: ['id', 'date'] });
  if (dpia !== undefined) {
    reader.string(dpia.id, { required: true });
    reader.string(dpia.date, { required: true, pattern: DATE, format: EXPECTED.date });
  }
}

function validateRetention(reader: PolicyReader, node: DocNode): void {
  const keys = reader.object(node, { required: true, keys: RETENTION_KEYS });
  if (keys === undefined) {
    return;
  }
  for (const key of RETENTION_KEYS) {
    reader.string(keys[key], {
      required: key === 'metadata' || key === 'alerts',
      pattern: DURATION,
      format: EXPECTED.duration,
    });
  }
}

function validatePurposes(reader: PolicyReader, node: DocNode): void {
  const seen = new Set<string>();
  reader.list(node, {
    required: true,
    item: (item) => {
      validatePurpose(reader, item);
      // Checked on the raw id so a duplicate is reported even when the purpose has other problems.
      const id = reader.child(item, 'id');
      if (typeof id.value === 'string') {
        if (seen.has(id.value)) {
          reader.report(policyIssues.duplicateId(id.path, id.value));
        }
        seen.add(id.value);
      }
      return undefined;
    },
  });
}
