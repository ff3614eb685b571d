import { ValidationIssueCode } from '@lib/contracts';
import { DetectionEventFactory } from './detection-event.factory';

export enum MalformedKind {
  BrokenJson = 'broken-json',
  WrongTypes = 'wrong-types',
  MissingRequired = 'missing-required',
  Oversize = 'oversize',
  ForbiddenKey = 'forbidden-key',
  InvalidUtf8 = 'invalid-utf8',
  Inconsistent = 'inconsistent',
}

export interface MalformedPayload {
  kind: MalformedKind;
  /** The record value to produce. */
  bytes: Buffer;
  /** The event id the payload was built from (unreadable for some kinds, but unique). */
  eventId: string;
  /** The first issue parseDetection must report. */
  expected: { code: ValidationIssueCode; path: string };
}

type Mutable = Record<string, unknown> & { data: Record<string, unknown> };

function eventRecord(): Mutable {
  return JSON.parse(JSON.stringify(DetectionEventFactory.person())) as Mutable;
}

function payload(args: {
  kind: MalformedKind;
  event: Mutable;
  bytes: Buffer;
  code: ValidationIssueCode;
  path?: string;
}): MalformedPayload {
  const { kind, event, bytes, code, path = '' } = args;
  return { kind, bytes, eventId: String(event.id), expected: { code, path } };
}

function textBytes(event: unknown): Buffer {
  return Buffer.from(JSON.stringify(event), 'utf8');
}

const BUILDERS: Record<MalformedKind, (maxBytes: number) => MalformedPayload> = {
  [MalformedKind.BrokenJson]: () => {
    const event = eventRecord();
    const text = JSON.stringify(event);
    // a producer that lost the tail of its buffer
    const bytes = Buffer.from(text.slice(0, Math.floor(text.length * 0.6)), 'utf8');
    return payload({
      kind: MalformedKind.BrokenJson,
      event,
      bytes,
      code: ValidationIssueCode.InvalidJson,
    });
  },
  [MalformedKind.WrongTypes]: () => {
    const event = eventRecord();
    event.data.confidence = '0.91';
    const bytes = textBytes(event);
    const code = ValidationIssueCode.Schema;
    return payload({
      kind: MalformedKind.WrongTypes,
      event,
      bytes,
      code,
      path: '/data/confidence',
    });
  },
  [MalformedKind.MissingRequired]: () => {
    const event = eventRecord();
    delete event.data.cameraId;
    const bytes = textBytes(event);
    const code = ValidationIssueCode.Schema;
    return payload({
      kind: MalformedKind.MissingRequired,
      event,
      bytes,
      code,
      path: '/data/cameraId',
    });
  },
  [MalformedKind.Oversize]: (maxBytes) => {
    const person = eventRecord();
    // a full person event already exceeds very small limits; otherwise pad one past the limit
    const event =
      textBytes(person).length > maxBytes
        ? person
        : (DetectionEventFactory.sized(maxBytes + 1) as unknown as Mutable);
    const bytes = textBytes(event);
    return payload({
      kind: MalformedKind.Oversize,
      event,
      bytes,
      code: ValidationIssueCode.TooLarge,
    });
  },
  [MalformedKind.ForbiddenKey]: () => {
    const event = eventRecord();
    // JSON.stringify cannot write an own "__proto__" key, so the text is spliced
    const text = JSON.stringify(event).replace(
      '"person":{',
      '"person":{"__proto__":{"isAdmin":true},',
    );
    return payload({
      kind: MalformedKind.ForbiddenKey,
      event,
      bytes: Buffer.from(text, 'utf8'),
      code: ValidationIssueCode.ForbiddenKey,
      path: '/data/attributes/person/__proto__',
    });
  },
  [MalformedKind.InvalidUtf8]: () => {
    const event = eventRecord();
    const [head, tail] = JSON.stringify(event).split('"zone":"');
    // 0xC3 opens a two-byte sequence that 0x28 ('(') cannot continue
    const bytes = Buffer.concat([
      Buffer.from(`${head}"zone":"`, 'utf8'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(tail, 'utf8'),
    ]);
    return payload({
      kind: MalformedKind.InvalidUtf8,
      event,
      bytes,
      code: ValidationIssueCode.InvalidUtf8,
    });
  },
  [MalformedKind.Inconsistent]: () => {
    const event = eventRecord();
    event.data.eventId = `${String(event.id)}-other`;
    const bytes = textBytes(event);
    const code = ValidationIssueCode.Inconsistent;
    return payload({ kind: MalformedKind.Inconsistent, event, bytes, code, path: '/id' });
  },
};

export const MalformedPayloads = {
  kinds: Object.values(MalformedKind),

  /** One payload of the given kind; `maxBytes` is the parser limit the oversize kind exceeds. */
  create(args: { kind: MalformedKind; maxBytes: number }): MalformedPayload {
    return BUILDERS[args.kind](args.maxBytes);
  },

  /** `count` payloads cycling through every kind in order, each from a fresh event id. */
  batch(args: { count: number; maxBytes: number }): MalformedPayload[] {
    const kinds = MalformedPayloads.kinds;
    return Array.from({ length: args.count }, (_, index) =>
      MalformedPayloads.create({ kind: kinds[index % kinds.length], maxBytes: args.maxBytes }),
    );
  },
};
