export { canonicalJson } from './canonical-json';
export { compilePolicy, policyHash, policyUsesPseudonyms } from './compile-policy';
export type { CompilePolicyOptions } from './compile-policy';
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
export { serializeAlert, serializeDecision } from './serialize-records';
export { API_VERSIONS, validatePolicy } from './validate-policy';
export type { ApiVersion } from './validate-policy';
export { POLICY_V2_JSON_SCHEMA } from './v2/policy-v2.schema';
export { JURISDICTIONS, WEEKDAYS } from './v2/policy-document-v2';
export type {
  AuthorisationV2,
  CameraSelectorV2,
  Jurisdiction,
  PolicyDocumentV2,
  PolicyMetadataV2,
  PurposeV2,
  TimeWindowV2,
  Weekday,
} from './v2/policy-document-v2';
export { BundleRejection, signPolicyBundle, verifyPolicyBundle } from './policy-bundle';
export type { BundleCheck } from './policy-bundle';
export type { BundleKeyring, BundleSigner } from './ed25519-signature';
export {
  RegisterRejection,
  signAuthorisationRegister,
  verifyAuthorisationRegister,
} from './authorisation-register';
export type { RegisterCheck } from './authorisation-register';
export { ImpactSimulation } from './impact/impact-simulation';
export type {
  ChangedDecision,
  DecisionSummary,
  ImpactReport,
  ImpactTally,
  NewlyExposedField,
} from './impact/impact-simulation';
export { diffPolicies } from './diff/diff-policies';
export { PolicyChangeKind } from './diff/policy-diff';
export type { PolicyChange, PolicyDiff } from './diff/policy-diff';
