/** What reached the raw topic but could not be read as a canonical event, kept byte for byte. */
export interface DeadLetterRecordV1 {
  schema: 'tamiz.dead-letter.v1';
  source: {
    topic: string;
    partition: number;
    offset: string;
    key: string | null;
    timestamp: string;
  };
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
