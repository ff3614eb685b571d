import type { PolicyRef } from './decision';
import type { DetectionData } from './detection-event';

/**
 * A lawful alert: one per (event, purpose), holding only the fields that purpose lists.
 * Every alert is a recommendation for a human, never a decision about a person.
 */
export interface AlertV1 {
  schema: 'tamiz.alert.v1';
  alertId: string;
  eventId: string;
  purpose: string;
  title: { es: string; en: string };
  priority: 'low' | 'medium' | 'high' | 'critical';
  recipients: string[];
  humanReview: 'none' | 'required' | 'two-person';
  label: 'recommendation';
  policy: PolicyRef;
  /**
   * Present when the purpose keeps the snapshot under a `redact` transform: the regions the pixel
   * redactor must blur before anyone sees the image, in the fixed order face, plate, person.
   */
  redaction?: { regions: Array<'face' | 'plate' | 'person'> };
  /** The event, minimised for this purpose: every field not listed by the purpose is absent. */
  data: Partial<DetectionData>;
}
