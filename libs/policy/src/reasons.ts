import type { CameraRecord, Reason } from '@lib/contracts';
import type { LegalBasisV1, LocalisedText } from './policy-document';

/** Codes every decision reason carries; stable, because auditors and reports filter on them. */
export enum ReasonCode {
  PolicyNone = 'policy.none',
  CameraUnknown = 'camera.unknown',
  CameraMismatch = 'camera.mismatch',
  PurposeNone = 'purpose.none',
  PurposeCameraNotAllowed = 'purpose.camera_not_allowed',
  PurposeZoneMismatch = 'purpose.zone_mismatch',
  PurposeObjectClassMismatch = 'purpose.object_class_mismatch',
  ConfidenceBelowMin = 'confidence.below_min',
  PurposeAuthorizationRequired = 'purpose.authorization_required',
  PurposeMatched = 'purpose.matched',
  // policy v2
  PurposeCameraSelector = 'purpose.camera_selector',
  PurposeOutsideWindow = 'purpose.outside_window',
  PurposeConditionFalse = 'purpose.condition_false',
  PurposeConditionError = 'purpose.condition_error',
  AuthorizationMissing = 'authorization.missing',
  AuthorizationExpired = 'authorization.expired',
  AuthorizationOutOfScope = 'authorization.out_of_scope',
  AuthorizationValid = 'authorization.valid',
}

const FINALIDAD = 'Ley 29733 art. 6 (finalidad)';
const PROPORCIONALIDAD = 'Ley 29733 art. 7 (proporcionalidad); Directiva 01-2020-JUS/DGTAIPD 6.4';

// Key order is fixed here (code, es, en, citation): decisions must serialise byte for byte alike.
function reason(code: ReasonCode, text: LocalisedText, citation: string): Reason {
  return { code, es: text.es, en: text.en, citation };
}

export const reasons = {
  policyNone: (): Reason =>
    reason(
      ReasonCode.PolicyNone,
      {
        es: 'No hay política activa aprobada; nada se reenvía.',
        en: 'No active approved policy; nothing is forwarded.',
      },
      FINALIDAD,
    ),

  cameraUnknown: (cameraId: string): Reason =>
    reason(
      ReasonCode.CameraUnknown,
      {
        es: `La cámara ${cameraId} no está registrada; sus eventos no se reenvían.`,
        en: `Camera ${cameraId} is not registered; its events are not forwarded.`,
      },
      `${FINALIDAD}; DS 007-2020-IN art. 4 (registro del sistema)`,
    ),

  cameraMismatch: (args: { eventCameraId: string; camera: CameraRecord }): Reason =>
    reason(
      ReasonCode.CameraMismatch,
      {
        es: `El registro de cámara ${args.camera.cameraId} no corresponde a la cámara del evento (${args.eventCameraId}).`,
        en: `Camera record ${args.camera.cameraId} does not match the event's camera (${args.eventCameraId}).`,
      },
      FINALIDAD,
    ),

  purposeNone: (analyticType: string): Reason =>
    reason(
      ReasonCode.PurposeNone,
      {
        es: `Ninguna finalidad de la política cubre la analítica «${analyticType}».`,
        en: `No purpose in the policy covers analytic "${analyticType}".`,
      },
      FINALIDAD,
    ),

  cameraNotAllowed: (args: { purposeId: string; camera: CameraRecord }): Reason =>
    reason(
      ReasonCode.PurposeCameraNotAllowed,
      {
        es: `La cámara ${args.camera.cameraId} no está autorizada para la finalidad «${args.purposeId}».`,
        en: `Camera ${args.camera.cameraId} is not authorised for purpose "${args.purposeId}".`,
      },
      FINALIDAD,
    ),

  zoneMismatch: (args: {
    purposeId: string;
    camera: CameraRecord;
    zones: readonly string[];
  }): Reason =>
    reason(
      ReasonCode.PurposeZoneMismatch,
      {
        es: `La zona «${args.camera.zoneType}» de la cámara ${args.camera.cameraId} no está entre las zonas de la finalidad «${args.purposeId}» (${args.zones.join(', ')}).`,
        en: `Zone "${args.camera.zoneType}" of camera ${args.camera.cameraId} is not among the zones of purpose "${args.purposeId}" (${args.zones.join(', ')}).`,
      },
      PROPORCIONALIDAD,
    ),

  objectClassMismatch: (args: {
    purposeId: string;
    objectClass: string;
    objectClasses: readonly string[];
  }): Reason =>
    reason(
      ReasonCode.PurposeObjectClassMismatch,
      {
        es: `La clase de objeto «${args.objectClass}» no está entre las de la finalidad «${args.purposeId}» (${args.objectClasses.join(', ')}).`,
        en: `Object class "${args.objectClass}" is not among those of purpose "${args.purposeId}" (${args.objectClasses.join(', ')}).`,
      },
      PROPORCIONALIDAD,
    ),

  confidenceBelowMin: (args: { purposeId: string; confidence: number; min: number }): Reason =>
    reason(
      ReasonCode.ConfidenceBelowMin,
      {
        es: `La confianza ${args.confidence} es menor que el mínimo ${args.min} de la finalidad «${args.purposeId}».`,
        en: `Confidence ${args.confidence} is below the minimum ${args.min} of purpose "${args.purposeId}".`,
      },
      'Ley 29733 art. 8 (calidad)',
    ),

  authorizationRequired: (purposeId: string): Reason =>
    reason(
      ReasonCode.PurposeAuthorizationRequired,
      {
        es: `La finalidad «${purposeId}» exige una autorización judicial vigente, que esta versión del motor aún no verifica; no se reenvía.`,
        en: `Purpose "${purposeId}" requires a valid judicial authorisation, which this engine version does not check yet; not forwarded.`,
      },
      'Reglamento (UE) 2024/1689 art. 5(1)(h) y 5(3); DS 115-2025-PCM art. 23',
    ),

  purposeMatched: (args: {
    purposeId: string;
    title: LocalisedText;
    legalBasis: LegalBasisV1;
  }): Reason =>
    reason(
      ReasonCode.PurposeMatched,
      {
        es: `Se aplica la finalidad «${args.purposeId}»: ${args.title.es}.`,
        en: `Purpose "${args.purposeId}" applies: ${args.title.en}.`,
      },
      args.legalBasis.citation ?? args.legalBasis.kind,
    ),
};
