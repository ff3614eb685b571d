import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { PolicyEvaluator } from './policy-evaluator';
import { createPolicyV1Evaluator } from './policy-v1-evaluator';
import { validatePolicy } from './validate-policy';

/**
 * Validates a parsed policy document (from `parsePolicyText`, or any JSON data) and compiles it
 * into an evaluator. Throws `PolicyError` listing every problem when the document is invalid.
 */
export function compilePolicy(doc: unknown): PolicyEvaluator {
  const document = validatePolicy(doc);
  const ref = {
    id: document.metadata.id,
    version: document.metadata.version,
    hash: policyHash(document),
  };
  return createPolicyV1Evaluator({ document, ref });
}

/**
 * SHA-256 (hex) of the document's canonical JSON: the same policy written in YAML or JSON, in any
 * key order, has one hash, which every decision and alert made under it carries.
 */
export function policyHash(doc: unknown): string {
  return createHash('sha256').update(canonicalJson(doc), 'utf8').digest('hex');
}
