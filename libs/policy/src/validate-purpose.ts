import { isKnownFieldPath } from '@lib/contracts';
import { isProhibitedKey } from '@lib/redaction';
import { isFaceMatchPath, isTooBroadFieldPath } from './field-paths';
import {
  HARD_DENIED_PURPOSE_WORDS,
  HUMAN_REVIEW_LEVELS,
  KINDS_REQUIRING_CITATION,
  LEGAL_BASIS_KINDS,
  PRIORITIES,
  SLUG,
  type LegalBasisV1,
} from './policy-document';
import { EXPECTED, policyIssues } from './policy-issues';
import type { DocNode, PolicyReader } from './policy-reader';

export { SLUG } from './policy-document';

const PURPOSE_KEYS = [
  'id',
  'title',
  'legalBasis',
  'analytics',
  'objectClasses',
  'zones',
  'minConfidence',
  'humanReview',
  'priority',
  'recipients',
  'fields',
] as const;

const LEGAL_BASIS_WHY = {
  es: 'toda finalidad necesita una base legal (Ley 29733 art. 5, 13.5 y 14).',
  en: 'every purpose needs a legal basis (Ley 29733 arts. 5, 13.5 and 14).',
};

/** One purpose: reports each problem found in it. */
export function validatePurpose(reader: PolicyReader, node: DocNode): void {
  const keys = reader.object(node, { required: true, keys: PURPOSE_KEYS });
  if (keys === undefined) {
    return;
  }
  const id = reader.string(keys.id, { required: true, pattern: SLUG, format: EXPECTED.slug });
  if (id !== undefined && id.split('-').some((word) => HARD_DENIED_PURPOSE_WORDS.has(word))) {
    reader.report(policyIssues.hardDeniedPurpose(keys.id.path, id));
  }
  validateTitle(reader, keys.title);
  const legalBasis = validateLegalBasis(reader, keys.legalBasis);
  reader.stringList(keys.analytics, { required: true });
  reader.stringList(keys.objectClasses, { required: false });
  reader.stringList(keys.zones, { required: false });
  reader.number(keys.minConfidence, { required: false, min: 0, max: 1 });
  reader.oneOf(keys.humanReview, { required: true, values: HUMAN_REVIEW_LEVELS });
  reader.oneOf(keys.priority, { required: true, values: PRIORITIES });
  reader.stringList(keys.recipients, { required: true });
  validateFields(reader, { node: keys.fields, legalBasis });
}

function validateTitle(reader: PolicyReader, node: DocNode): void {
  const keys = reader.object(node, { required: true, keys: ['es', 'en'] });
  if (keys !== undefined) {
    reader.string(keys.es, { required: true });
    reader.string(keys.en, { required: true });
  }
}

function validateLegalBasis(reader: PolicyReader, node: DocNode): LegalBasisV1 | undefined {
  const keys = reader.object(node, {
    required: true,
    why: LEGAL_BASIS_WHY,
    keys: ['kind', 'citation'],
  });
  if (keys === undefined) {
    return undefined;
  }
  const kind = reader.oneOf(keys.kind, {
    required: true,
    why: LEGAL_BASIS_WHY,
    values: LEGAL_BASIS_KINDS,
  });
  const citation = reader.string(keys.citation, {
    required: kind !== undefined && KINDS_REQUIRING_CITATION.has(kind),
    why: {
      es: 'la base legal debe citar la norma (ley y artículo).',
      en: 'the legal basis must cite the norm (law and article).',
    },
  });
  if (kind === undefined) {
    return undefined;
  }
  return citation === undefined ? { kind } : { kind, citation };
}

function validateFields(
  reader: PolicyReader,
  args: { node: DocNode; legalBasis: LegalBasisV1 | undefined },
): void {
  reader.list(args.node, {
    required: true,
    item: (item) => {
      const field = reader.string(item, { required: true });
      if (field === undefined) {
        return undefined;
      }
      if (field.split('.').some(isProhibitedKey)) {
        reader.report(policyIssues.prohibitedField(item.path, field));
        return undefined;
      }
      if (isTooBroadFieldPath(field)) {
        reader.report(policyIssues.fieldPathTooBroad(item.path, field));
        return undefined;
      }
      if (!isKnownFieldPath(field)) {
        reader.report(policyIssues.unknownFieldPath(item.path, field));
        return undefined;
      }
      // Fail closed on biometric identification until authorisations exist (legal.md rule 12).
      const kind = args.legalBasis?.kind;
      if (isFaceMatchPath(field) && kind !== undefined && kind !== 'judicial-authorization') {
        reader.report(policyIssues.requiresAuthorization(item.path, field));
        return undefined;
      }
      return field;
    },
  });
}
