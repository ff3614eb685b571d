import type { Jurisdiction } from './policy-document-v2';
import type { ProhibitedCategory } from './prohibited-categories';

/**
 * The norms the engine cites for its own reasons and findings (those no purpose words), in the
 * law of the policy's jurisdiction (metadata.jurisdiction; legal.md §1 and §2). A purpose's own
 * legal basis is cited as the policy writes it.
 */
export interface EngineCitations {
  /** An event no purpose may serve: no purpose, unregistered or mismatched camera. */
  purposeLimitation: string;
  /** The camera is not registered (record of the system / of processing). */
  cameraUnregistered: string;
  /** Only what the purpose needs: selectors, zones, object classes, windows, conditions. */
  proportionality: string;
  /** Data quality: a detection below the purpose's minimum confidence. */
  accuracy: string;
  /** Identification that needs an authorisation (missing, expired, out of scope). */
  authorisation: string;
  /** An authorisation relied on: forwarded for two-person verification. */
  authorisationValid: string;
  /** A prohibited category a vendor sent (`vendor_violation`), by category id. */
  prohibited: Readonly<Record<string, string>>;
}

const AIA = 'Reglamento (UE) 2024/1689';
const GDPR = 'Reglamento (UE) 2016/679';
const PE_FINALIDAD = 'Ley 29733 art. 6 (finalidad)';
const PE_AUTORIZACION = `${AIA} art. 5(1)(h), 5(3) y 26(10); DS 115-2025-PCM art. 23`;
const EU_AUTORIZACION = `${AIA} art. 5(1)(h), 5(3) y 26(10)`;

const PE: EngineCitations = Object.freeze({
  purposeLimitation: PE_FINALIDAD,
  cameraUnregistered: `${PE_FINALIDAD}; DS 007-2020-IN art. 4 (registro del sistema)`,
  proportionality: 'Ley 29733 art. 7 (proporcionalidad); Directiva 01-2020-JUS/DGTAIPD 6.4',
  accuracy: 'Ley 29733 art. 8 (calidad)',
  authorisation: PE_AUTORIZACION,
  authorisationValid: `${PE_AUTORIZACION}; ${AIA} art. 14(5)`,
  prohibited: Object.freeze({
    'sensitive-trait': `${AIA} art. 5(1)(g); DS 115-2025-PCM art. 23; Ley 29733 art. 2.5`,
    emotion: `${AIA} art. 5(1)(f) y anexo III 1(c); DS 115-2025-PCM art. 24`,
    health: `Ley 29733 art. 2.5; ${GDPR} art. 9(1)`,
    'biometric-template': `${AIA} art. 5(1)(e); Ley 29733 art. 2.5`,
    'risk-score': `${AIA} art. 5(1)(d); DS 115-2025-PCM art. 23`,
  }),
});

const EU_FINALIDAD = `${GDPR} art. 5(1)(b) (limitación de la finalidad)`;

const EU: EngineCitations = Object.freeze({
  purposeLimitation: EU_FINALIDAD,
  cameraUnregistered: `${EU_FINALIDAD}; ${GDPR} art. 30 (registro de las actividades de tratamiento)`,
  proportionality: `${GDPR} art. 5(1)(c) (minimización de datos)`,
  accuracy: `${GDPR} art. 5(1)(d) (exactitud)`,
  authorisation: EU_AUTORIZACION,
  authorisationValid: `${EU_AUTORIZACION}; ${AIA} art. 14(5)`,
  prohibited: Object.freeze({
    'sensitive-trait': `${AIA} art. 5(1)(g); ${GDPR} art. 9(1)`,
    emotion: `${AIA} art. 5(1)(f) y anexo III 1(c)`,
    health: `${GDPR} art. 9(1)`,
    'biometric-template': `${AIA} art. 5(1)(e); ${GDPR} art. 9(1)`,
    'risk-score': `${AIA} art. 5(1)(d)`,
  }),
});

const BY_JURISDICTION: Readonly<Record<Jurisdiction, EngineCitations>> = Object.freeze({ PE, EU });

/** The citations for a policy's jurisdiction; Peru's when a document names none (v1 documents). */
export function engineCitations(jurisdiction: Jurisdiction | undefined): EngineCitations {
  return BY_JURISDICTION[jurisdiction ?? 'PE'];
}

/** The citation of a `vendor_violation` finding for a category, in the policy's jurisdiction. */
export function prohibitedCitation(
  citations: EngineCitations,
  category: ProhibitedCategory,
): string {
  return citations.prohibited[category.id] ?? category.citation;
}
