import { createHash } from 'node:crypto';
import type { PseudonymKeyring } from '@lib/redaction';
import { canonicalJson } from './canonical-json';
import type { PolicyEvaluator } from './policy-evaluator';
import { PolicyError, PolicyErrorCode } from './policy.error';
import { createPolicyV1Evaluator } from './policy-v1-evaluator';
import { validatePolicyV1 } from './validate-policy-v1';
import { validatePolicy } from './validate-policy';
import { pseudonymisedFields } from './v2/pseudonymised-fields';
import { policyIssuesV2 } from './v2/policy-issues-v2';
import type { PolicyDocumentV2 } from './v2/policy-document-v2';
import { createPolicyV2Evaluator } from './v2/policy-v2-evaluator';

export interface CompilePolicyOptions {
  /**
   * Keys the `pseudonymize` transforms (per purpose and period). Required when the policy
   * pseudonymises any field; the secret behind it never reaches a decision, alert or log.
   */
  keyring?: PseudonymKeyring;
  /**
   * The injected clock. Reserved: no rule reads it today. Every time-dependent rule (windows,
   * authorisation validity, pseudonym periods) reads the event's occurredAt, so a replayed event
   * gets the bytes it got when it happened.
   */
  now?: () => Date;
}

/**
 * Validates a parsed policy document (from `parsePolicyText`, or any JSON data) and compiles it
 * into an evaluator for its `apiVersion` (`tamiz/v1` or `tamiz/v2`). Throws `PolicyError`
 * listing every problem when the document is invalid (`policy_invalid`), or every pseudonymised
 * field when no keyring was given (`policy_keyring_required`).
 */
export function compilePolicy(doc: unknown, options: CompilePolicyOptions = {}): PolicyEvaluator {
  const issues = validatePolicy(doc);
  if (issues.length > 0) {
    throw new PolicyError({ code: PolicyErrorCode.Invalid, issues });
  }
  const ref = { ...policyRefOf(doc) };
  if ((doc as { apiVersion: string }).apiVersion === 'tamiz/v1') {
    return createPolicyV1Evaluator({ document: validatePolicyV1(doc), ref });
  }
  const document = doc as PolicyDocumentV2;
  const pseudonymised = pseudonymisedFields(document);
  if (pseudonymised.length > 0 && options.keyring === undefined) {
    throw new PolicyError({
      code: PolicyErrorCode.KeyringRequired,
      issues: pseudonymised.map((path) => policyIssuesV2.keyringRequired(path)),
    });
  }
  return createPolicyV2Evaluator({ document, ref, keyring: options.keyring ?? NO_KEYRING });
}

/** True when the document (v2) pseudonymises any field, so compiling it needs a keyring. */
export function policyUsesPseudonyms(doc: unknown): boolean {
  return pseudonymisedFields(doc).length > 0;
}

/**
 * SHA-256 (hex) of the document's canonical JSON: the same policy written in YAML or JSON, in any
 * key order, has one hash, which every decision and alert made under it carries.
 */
export function policyHash(doc: unknown): string {
  return createHash('sha256').update(canonicalJson(doc), 'utf8').digest('hex');
}

function policyRefOf(doc: unknown): { id: string; version: string; hash: string } {
  const { id, version } = (doc as { metadata: { id: string; version: string } }).metadata;
  return { id, version, hash: policyHash(doc) };
}

// A policy without pseudonyms never asks for a key; if one did, that would be a bug to surface.
const NO_KEYRING: PseudonymKeyring = Object.freeze({
  keyFor: (): Buffer => {
    throw new Error('compilePolicy: this policy was compiled without a pseudonym keyring');
  },
});
