/** Where a dead-lettered record was read: a Kafka position (raw or vendor topic). */
export interface KafkaDeadLetterSource {
  topic: string;
  partition: number;
  offset: string;
  /** base64 of the record key, or null */
  key: string | null;
  timestamp: string;
}

/** Where a dead-lettered payload arrived at the ingress: an MQTT topic or an HTTP path. */
export interface IngressDeadLetterSource {
  transport: 'mqtt' | 'http';
  /** MQTT topic or HTTP path. */
  channel: string;
  /** The camera format it was read as (e.g. `frigate-events`, `hikvision-xml`). */
  format: string;
  contentType: string | null;
}

/**
 * What could not be read as a canonical event — on the raw topic, or at the ingress from a camera
 * format — kept byte for byte with every reason.
 */
export interface DeadLetterRecordV1 {
  schema: 'tamiz.dead-letter.v1';
  source: KafkaDeadLetterSource | IngressDeadLetterSource;
  /** The original record value, base64 of the exact bytes received. */
  originalBase64: string;
  originalSize: number;
  errors: ValidationIssue[];
  receivedAt: string;
}

export interface ValidationIssue {
  /** JSON Pointer of the offending value; '' for the whole record. */
  path: string;
  code: ValidationIssueCode;
  message: string;
}

export enum ValidationIssueCode {
  TooLarge = 'too_large',
  InvalidUtf8 = 'invalid_utf8',
  InvalidJson = 'invalid_json',
  /** A camera format carried as XML (Hikvision ISAPI) is not well-formed. */
  InvalidXml = 'invalid_xml',
  ForbiddenKey = 'forbidden_key',
  Schema = 'schema',
  Inconsistent = 'inconsistent',
  /** Well-formed input that no adapter maps: an unknown topic, event type or format. */
  Unsupported = 'unsupported',
}
