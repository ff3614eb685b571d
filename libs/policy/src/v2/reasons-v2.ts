import type { Reason } from '@lib/contracts';
import { ReasonCode } from '../reasons';
import type { EngineCitations } from './engine-citations';
import type { AuthorisationV2, PurposeV2 } from './policy-document-v2';
import { describeWindows } from './time-windows';

// Every reason is built once, at compile time, and frozen: its text never holds an event value,
// so one object (and one serialised form) serves every decision. Key order: code, es, en, citation.
function reason(code: ReasonCode, text: { es: string; en: string; citation: string }): Reason {
  return Object.freeze({ code, es: text.es, en: text.en, citation: text.citation });
}

/** Reasons that name no purpose. */
export interface EngineReasons {
  cameraUnknown: Reason;
  cameraMismatch: Reason;
  purposeNone: Reason;
}

const engineReasonsMemo = new WeakMap<EngineCitations, EngineReasons>();

/** The reasons that name no purpose, citing the law of the policy's jurisdiction; built once. */
export function engineReasons(citations: EngineCitations): EngineReasons {
  let reasons = engineReasonsMemo.get(citations);
  if (reasons === undefined) {
    reasons = Object.freeze({
      cameraUnknown: reason(ReasonCode.CameraUnknown, {
        es: 'La cámara del evento no está registrada; sus eventos no se reenvían.',
        en: "The event's camera is not registered; its events are not forwarded.",
        citation: citations.cameraUnregistered,
      }),
      cameraMismatch: reason(ReasonCode.CameraMismatch, {
        es: 'El registro de cámara recibido no corresponde a la cámara del evento.',
        en: "The camera record received does not match the event's camera.",
        citation: citations.purposeLimitation,
      }),
      purposeNone: reason(ReasonCode.PurposeNone, {
        es: 'Ninguna finalidad de la política cubre la analítica del evento.',
        en: "No purpose in the policy covers the event's analytic.",
        citation: citations.purposeLimitation,
      }),
    });
    engineReasonsMemo.set(citations, reasons);
  }
  return reasons;
}

export interface PurposeReasons {
  cameraNotAllowed: Reason;
  cameraSelector: Reason;
  zoneMismatch: Reason;
  objectClassMismatch: Reason;
  confidenceBelowMin: Reason;
  outsideWindow: Reason;
  conditionFalse: Reason;
  conditionError: Reason;
  authorizationMissing: Reason;
  authorizationExpired: Reason;
  authorizationOutOfScope: Reason;
  matched: Reason;
}

const list = (values: readonly string[] | undefined): string => (values ?? []).join(', ');

/** Every reason one purpose can give, worded once for the DPO and the auditor. */
export function purposeReasons(args: {
  purpose: PurposeV2;
  defaultZone: string;
  citations: EngineCitations;
}): PurposeReasons {
  const { purpose, citations } = args;
  const FINALIDAD = citations.purposeLimitation;
  const PROPORCIONALIDAD = citations.proportionality;
  const AUTORIZACION = citations.authorisation;
  const p = `«${purpose.id}»`;
  const q = `"${purpose.id}"`;
  const cameras = purpose.cameras ?? {};
  const selector = [
    cameras.ids && `ids: ${list(cameras.ids)}`,
    cameras.tags && `tags: ${list(cameras.tags)}`,
  ]
    .filter(Boolean)
    .join('; ');
  const windows = describeWindows({
    windows: purpose.windows ?? [],
    defaultZone: args.defaultZone,
  });
  return {
    cameraNotAllowed: reason(ReasonCode.PurposeCameraNotAllowed, {
      es: `La cámara del evento no está habilitada en el registro para la finalidad ${p}.`,
      en: `The event's camera is not enabled in the registry for purpose ${q}.`,
      citation: FINALIDAD,
    }),
    cameraSelector: reason(ReasonCode.PurposeCameraSelector, {
      es: `La cámara del evento no está entre las que selecciona la finalidad ${p} (${selector}).`,
      en: `The event's camera is not among those purpose ${q} selects (${selector}).`,
      citation: PROPORCIONALIDAD,
    }),
    zoneMismatch: reason(ReasonCode.PurposeZoneMismatch, {
      es: `La zona de la cámara no está entre las zonas de la finalidad ${p} (${list(cameras.zones)}).`,
      en: `The camera's zone is not among the zones of purpose ${q} (${list(cameras.zones)}).`,
      citation: PROPORCIONALIDAD,
    }),
    objectClassMismatch: reason(ReasonCode.PurposeObjectClassMismatch, {
      es: `La clase de objeto del evento no está entre las de la finalidad ${p} (${list(purpose.objectClasses)}).`,
      en: `The event's object class is not among those of purpose ${q} (${list(purpose.objectClasses)}).`,
      citation: PROPORCIONALIDAD,
    }),
    confidenceBelowMin: reason(ReasonCode.ConfidenceBelowMin, {
      es: `La confianza del evento es menor que el mínimo ${purpose.minConfidence} de la finalidad ${p}.`,
      en: `The event's confidence is below the minimum ${purpose.minConfidence} of purpose ${q}.`,
      citation: citations.accuracy,
    }),
    outsideWindow: reason(ReasonCode.PurposeOutsideWindow, {
      es: `El evento ocurrió fuera de los horarios de la finalidad ${p} (${windows.es}).`,
      en: `The event occurred outside the hours of purpose ${q} (${windows.en}).`,
      citation: PROPORCIONALIDAD,
    }),
    conditionFalse: reason(ReasonCode.PurposeConditionFalse, {
      es: `El evento no cumple la condición de la finalidad ${p}.`,
      en: `The event does not meet the condition of purpose ${q}.`,
      citation: PROPORCIONALIDAD,
    }),
    conditionError: reason(ReasonCode.PurposeConditionError, {
      es: `La condición de la finalidad ${p} no pudo evaluarse sobre este evento (p. ej. le falta un campo); no se aplica.`,
      en: `The condition of purpose ${q} could not be evaluated on this event (e.g. a field is missing); it does not apply.`,
      citation: PROPORCIONALIDAD,
    }),
    authorizationMissing: reason(ReasonCode.AuthorizationMissing, {
      es: `La finalidad ${p} exige una autorización vigente para este evento y ni la política ni el registro de autorizaciones contienen ninguna para ella; no se reenvía.`,
      en: `Purpose ${q} requires a valid authorisation for this event and neither the policy nor the register of authorisations holds one for it; not forwarded.`,
      citation: AUTORIZACION,
    }),
    authorizationExpired: reason(ReasonCode.AuthorizationExpired, {
      es: `Las autorizaciones de la finalidad ${p} que cubren este evento no estaban vigentes cuando ocurrió; no se reenvía.`,
      en: `The authorisations of purpose ${q} that cover this event were not in force when it occurred; not forwarded.`,
      citation: AUTORIZACION,
    }),
    authorizationOutOfScope: reason(ReasonCode.AuthorizationOutOfScope, {
      es: `Ninguna autorización de la finalidad ${p} cubre la lista de búsqueda y la cámara de este evento; no se reenvía.`,
      en: `No authorisation of purpose ${q} covers this event's watchlist and camera; not forwarded.`,
      citation: AUTORIZACION,
    }),
    matched: reason(ReasonCode.PurposeMatched, {
      es: `Se aplica la finalidad ${p}: ${purpose.title.es}.`,
      en: `Purpose ${q} applies: ${purpose.title.en}.`,
      citation: purpose.legalBasis.citation ?? purpose.legalBasis.kind,
    }),
  };
}

/** The reason a forwarded decision gives for an authorisation it relied on. */
export function authorisationReason(args: {
  purposeId: string;
  authorisation: AuthorisationV2;
  citations: EngineCitations;
}): Reason {
  const { id, caseRef, issuer } = args.authorisation;
  return reason(ReasonCode.AuthorizationValid, {
    es: `Autorización ${id} (${caseRef}; ${issuer}) vigente para la finalidad «${args.purposeId}»: se reenvía para verificación por dos personas.`,
    en: `Authorisation ${id} (${caseRef}; ${issuer}) in force for purpose "${args.purposeId}": forwarded for two-person verification.`,
    citation: args.citations.authorisationValid,
  });
}

/**
 * The reason a forwarded decision gives for an authorisation of policy-admin's register. It names
 * the id only: the case reference and issuer stay in policy-admin, which resolves the id for
 * whoever may read them (GET /authorisations/{id}).
 */
export function registeredAuthorisationReason(args: {
  purposeId: string;
  id: string;
  citations: EngineCitations;
}): Reason {
  const { id, purposeId } = args;
  return reason(ReasonCode.AuthorizationValid, {
    es: `Autorización registrada ${id} vigente para la finalidad «${purposeId}»: se reenvía para verificación por dos personas.`,
    en: `Registered authorisation ${id} in force for purpose "${purposeId}": forwarded for two-person verification.`,
    citation: args.citations.authorisationValid,
  });
}
