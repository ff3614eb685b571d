import { isPlainObject } from '@lib/redaction';
import { PolicyError, type PolicyIssue } from './policy.error';
import { EXPECTED, policyIssues } from './policy-issues';
import { validatePolicyV1 } from './validate-policy-v1';
import { validatePolicyV2 } from './v2/validate-policy-v2';

/** The document formats `compilePolicy` accepts, by `apiVersion`. */
export const API_VERSIONS = ['tamiz/v1', 'tamiz/v2'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/**
 * Every problem of a parsed policy document (from `parsePolicyText`, or any JSON data), each at
 * its JSON Pointer with a message in Spanish and English; an empty list means `compilePolicy`
 * accepts it. The rules follow the document's `apiVersion`. Never throws: `tamiz policy lint`
 * shows the list as it is.
 */
export function validatePolicy(doc: unknown): PolicyIssue[] {
  if (!isPlainObject(doc)) {
    return [policyIssues.invalidType('', EXPECTED.object)];
  }
  switch (doc.apiVersion) {
    case 'tamiz/v2':
      return validatePolicyV2(doc);
    case 'tamiz/v1':
      try {
        validatePolicyV1(doc);
        return [];
      } catch (error) {
        if (error instanceof PolicyError) {
          return error.issues;
        }
        throw error;
      }
    case undefined:
      return [policyIssues.required('/apiVersion')];
    default:
      return [policyIssues.invalidValue('/apiVersion', API_VERSIONS)];
  }
}
