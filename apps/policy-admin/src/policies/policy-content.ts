import {
  PolicyError,
  parsePolicyText,
  policyHash,
  validatePolicy,
  type PolicyTextFormat,
} from '@lib/policy';
import { AdminError, AdminErrorCode } from '../admin.error';

export interface CheckedPolicy {
  document: unknown;
  policyId: string;
  hash: string;
}

/**
 * Parses and validates policy text with the engine; throws 400 listing every issue at its path
 * (es/en) when the text is malformed or the document invalid.
 */
export function checkPolicyText(text: string, format: PolicyTextFormat): CheckedPolicy {
  let document: unknown;
  try {
    document = parsePolicyText(text, format);
  } catch (error) {
    if (error instanceof PolicyError) {
      throw invalid(error.issues);
    }
    throw error;
  }
  const issues = validatePolicy(document);
  if (issues.length > 0) {
    throw invalid(issues);
  }
  const policyId = (document as { metadata: { id: string } }).metadata.id;
  return { document, policyId, hash: policyHash(document) };
}

function invalid(
  issues: Array<{ path: string; code: string; es: string; en: string }>,
): AdminError {
  return new AdminError({
    code: AdminErrorCode.PolicyInvalid,
    es: `La política no es válida: ${issues.length} problema(s).`,
    en: `The policy is invalid: ${issues.length} issue(s).`,
    issues: issues.map((i) => ({ path: i.path, code: i.code, es: i.es, en: i.en })),
  });
}
