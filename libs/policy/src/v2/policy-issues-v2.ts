import { assertUnreachable } from '@lib/common';
import { TransformIssueCode, type TransformIssue } from '@lib/redaction';
import { PolicyIssueCode as C, type PolicyIssue } from '../policy.error';
import type { ProhibitedCategory } from './prohibited-categories';

type Wording = { es: string; en: string };

const issue = (path: string, content: Wording & { code: C }): PolicyIssue => ({
  path,
  code: content.code,
  es: content.es,
  en: content.en,
});

/** Messages for the v2 rules, Spanish first, in words a DPO reads without the engine's source. */
export const policyIssuesV2 = {
  missingLegalBasis: (path: string, missing: 'basis' | 'kind' | 'citation'): PolicyIssue =>
    issue(path, {
      code: C.MissingLegalBasis,
      ...{
        basis: {
          es: 'La finalidad no declara su base legal; toda finalidad necesita una (Ley 29733 art. 5, 13.5 y 14).',
          en: 'The purpose declares no legal basis; every purpose needs one (Ley 29733 arts. 5, 13.5 and 14).',
        },
        kind: {
          es: 'Falta el tipo de base legal: law, public_function, consent, other_art14 o judicial-authorization.',
          en: 'The kind of legal basis is missing: law, public_function, consent, other_art14 or judicial-authorization.',
        },
        citation: {
          es: 'La base legal debe citar la norma (ley y artículo) en la que se apoya.',
          en: 'The legal basis must cite the norm (law and article) it rests on.',
        },
      }[missing],
    }),

  duplicatePurpose: (path: string, id: string): PolicyIssue =>
    issue(path, {
      code: C.ConflictingPurposes,
      es: `La finalidad «${id}» ya está declarada; dos finalidades con el mismo id no se distinguen en las decisiones.`,
      en: `Purpose "${id}" is already declared; two purposes with one id cannot be told apart in decisions.`,
    }),

  overlappingPurposes: (path: string, args: { id: string; other: string }): PolicyIssue =>
    issue(path, {
      code: C.ConflictingPurposes,
      es: `Las finalidades «${args.other}» y «${args.id}» pueden aplicarse al mismo evento (comparten analítica y sus selectores se solapan), pero solo una exige autorización o revisión por dos personas: el evento saldría por la otra sin esa garantía. Separe sus selectores o iguale sus garantías (Reglamento (UE) 2024/1689 art. 5(3) y 14(5)).`,
      en: `Purposes "${args.other}" and "${args.id}" can apply to the same event (they share an analytic and their selectors overlap), but only one requires an authorisation or two-person review: the event would leave through the other without that safeguard. Separate their selectors or align their safeguards (Regulation (EU) 2024/1689 arts. 5(3) and 14(5)).`,
    }),

  invalidWindow: (path: string, problem: Wording): PolicyIssue =>
    issue(path, {
      code: C.InvalidWindow,
      es: `Franja horaria inválida: ${problem.es}.`,
      en: `Invalid time window: ${problem.en}.`,
    }),

  invalidTimeZone: (path: string, zone: string): PolicyIssue =>
    issue(path, {
      code: C.InvalidTimeZone,
      es: `«${zone}» no es una zona horaria IANA conocida (p. ej. America/Lima).`,
      en: `"${zone}" is not a known IANA time zone (e.g. America/Lima).`,
    }),

  invalidCel: (path: string, args: { position: number; detail: string }): PolicyIssue =>
    issue(path, {
      code: C.InvalidCel,
      es: `La condición no es una expresión CEL válida (carácter ${args.position + 1}): ${args.detail}.`,
      en: `The condition is not a valid CEL expression (character ${args.position + 1}): ${args.detail}.`,
    }),

  unknownRetentionClass: (path: string, args: { name: string; known: string[] }): PolicyIssue =>
    issue(path, {
      code: C.UnknownRetentionClass,
      es: `«${args.name}» no es una clase de conservación de la política; use una de: ${args.known.join(', ')}.`,
      en: `"${args.name}" is not a retention class of the policy; use one of: ${args.known.join(', ')}.`,
    }),

  retentionTooLong: (path: string, args: { max: string; citation: string }): PolicyIssue =>
    issue(path, {
      code: C.OutOfRange,
      es: `El plazo de conservación supera el máximo de ${args.max} (${args.citation}).`,
      en: `The retention period exceeds the maximum of ${args.max} (${args.citation}).`,
    }),

  unknownPurpose: (path: string, id: string): PolicyIssue =>
    issue(path, {
      code: C.UnknownPurpose,
      es: `La autorización se refiere a la finalidad «${id}», que la política no declara.`,
      en: `The authorisation refers to purpose "${id}", which the policy does not declare.`,
    }),

  invalidValidity: (path: string): PolicyIssue =>
    issue(path, {
      code: C.InvalidValidity,
      es: 'validUntil debe ser posterior a validFrom: la autorización no tendría vigencia.',
      en: 'validUntil must be later than validFrom: the authorisation would never be in force.',
    }),

  /** `citation`: the category's norms in the policy's jurisdiction (see engine-citations). */
  prohibitedField: (
    path: string,
    args: { field: string; category: ProhibitedCategory; citation: string },
  ) =>
    issue(path, {
      code: C.ProhibitedField,
      es: `«${args.field}» es un dato prohibido (${args.category.es}); ninguna finalidad puede conservarlo (${args.citation}).`,
      en: `"${args.field}" is prohibited data (${args.category.en}); no purpose may keep it (${args.citation}).`,
    }),

  /** `citation`: the authorisation norms in the policy's jurisdiction (see engine-citations). */
  faceMatchWithoutAuthorization: (
    path: string,
    args: { field: string; citation: string },
  ): PolicyIssue =>
    issue(path, {
      code: C.RequiresAuthorization,
      es: `«${args.field}» (identificación biométrica) solo puede conservarlo una finalidad con requiresAuthorization: true (${args.citation}).`,
      en: `"${args.field}" (biometric identification) may only be kept by a purpose with requiresAuthorization: true (${args.citation}).`,
    }),

  transformNotApplicable: (
    path: string,
    args: { transform: string; field: string; expected: Wording },
  ): PolicyIssue =>
    issue(path, {
      code: C.TransformNotApplicable,
      es: `La transformación «${args.transform}» no se aplica a «${args.field}»: sirve para ${args.expected.es}.`,
      en: `Transform "${args.transform}" does not apply to "${args.field}": it is for ${args.expected.en}.`,
    }),

  overlappingFields: (path: string, args: { field: string; ancestor: string }): PolicyIssue =>
    issue(path, {
      code: C.OverlappingFields,
      es: `«${args.field}» está dentro de «${args.ancestor}», que ya tiene su propia transformación; solo se puede afinar un campo dentro de uno conservado con keep.`,
      en: `"${args.field}" lies inside "${args.ancestor}", which already has its own transform; a field can only be refined inside one kept with keep.`,
    }),

  keyringRequired: (path: string): PolicyIssue =>
    issue(path, {
      code: C.KeyringRequired,
      es: 'La finalidad seudonimiza este campo, pero no se configuró el secreto de seudonimización (TAMIZ_PSEUDONYM_SECRET).',
      en: 'The purpose pseudonymises this field, but no pseudonym secret is configured (TAMIZ_PSEUDONYM_SECRET).',
    }),

  /** A transform issue from @lib/redaction, its path already below the field's pointer. */
  fromTransform: (found: TransformIssue): PolicyIssue =>
    issue(found.path, { code: transformCode(found.code), es: found.es, en: found.en }),
};

function transformCode(code: TransformIssueCode): C {
  switch (code) {
    case TransformIssueCode.InvalidType:
      return C.InvalidType;
    case TransformIssueCode.UnknownTransform:
      return C.UnknownTransform;
    case TransformIssueCode.OneTransformPerField:
      return C.OneTransformPerField;
    case TransformIssueCode.UnknownParameter:
      return C.UnknownParameter;
    case TransformIssueCode.MissingParameter:
      return C.MissingParameter;
    case TransformIssueCode.ConflictingParameters:
      return C.ConflictingParameters;
    case TransformIssueCode.InvalidParameter:
      return C.InvalidParameter;
    case TransformIssueCode.InvalidDuration:
      return C.InvalidDuration;
    case TransformIssueCode.RotationTooLong:
      return C.RotationTooLong;
    case TransformIssueCode.RotationMisaligned:
      return C.RotationMisaligned;
    case TransformIssueCode.EdgesNotIncreasing:
      return C.EdgesNotIncreasing;
    case TransformIssueCode.Empty:
      return C.Empty;
    case TransformIssueCode.DuplicateValue:
      return C.DuplicateValue;
    default:
      return assertUnreachable(code);
  }
}
