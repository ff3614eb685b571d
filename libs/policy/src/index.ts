export { canonicalJson } from './canonical-json';
export { compilePolicy, policyHash } from './compile-policy';
export { noPolicyEvaluator } from './no-policy-evaluator';
export { parsePolicyText } from './parse-policy-text';
export type { PolicyTextFormat } from './parse-policy-text';
export {
  HARD_DENIED_PURPOSE_WORDS,
  HUMAN_REVIEW_LEVELS,
  LEGAL_BASIS_KINDS,
  PRIORITIES,
} from './policy-document';
export type {
  HumanReview,
  LegalBasisKind,
  LegalBasisV1,
  LocalisedText,
  PolicyDocumentV1,
  PolicyMetadataV1,
  Priority,
  PurposeV1,
  RetentionV1,
} from './policy-document';
export type { Evaluation, EvaluationInput, PolicyEvaluator } from './policy-evaluator';
export { PolicyError, PolicyErrorCode, PolicyIssueCode } from './policy.error';
export type { PolicyIssue } from './policy.error';
export { ReasonCode } from './reasons';
export { validatePolicy } from './validate-policy';
