import type { InboundBatch, InboundRecord, OutboundRecord } from '@lib/kafka';
import type { Topic } from '@lib/contracts';

/**
 * The bytes of a batch, packed for a governance worker and back. Posting Buffers one by one would
 * clone, for each record, the whole fetch response its Buffer is a view of; here the payloads of a
 * batch travel as one transferred ArrayBuffer and views into it.
 */
export interface PackedInbound {
  topic: string;
  partition: number;
  offsets: string[];
  timestamps: string[];
  /** Per record: value start, value length, key start, key length; length -1 is null. */
  bounds: Int32Array;
  bytes: ArrayBuffer;
}

export interface PackedOutbound {
  topics: Topic[];
  keys: Array<string | null>;
  /** The `tamiz-source` header of each record, if it has one. */
  sources: Array<string | null>;
  /** Per record: value start, value length. */
  bounds: Int32Array;
  bytes: ArrayBuffer;
}

const SOURCE_HEADER = 'tamiz-source';

export function packInbound(batch: InboundBatch): PackedInbound {
  const { records } = batch;
  let size = 0;
  for (const r of records) {
    size += (r.value?.length ?? 0) + (r.key?.length ?? 0);
  }
  const bytes = new ArrayBuffer(size);
  const view = Buffer.from(bytes);
  const bounds = new Int32Array(records.length * 4);
  let at = 0;
  const put = (slot: number, part: Buffer | null): void => {
    if (part === null) {
      bounds[slot] = 0;
      bounds[slot + 1] = -1;
      return;
    }
    part.copy(view, at);
    bounds[slot] = at;
    bounds[slot + 1] = part.length;
    at += part.length;
  };
  records.forEach((r, i) => {
    put(i * 4, r.value);
    put(i * 4 + 2, r.key);
  });
  return {
    topic: batch.topic,
    partition: batch.partition,
    offsets: records.map((r) => r.offset),
    timestamps: records.map((r) => r.timestamp),
    bounds,
    bytes,
  };
}

/** The records of a packed batch, their keys and values views into its bytes (headers dropped). */
export function unpackInbound(packed: PackedInbound): InboundRecord[] {
  const { bounds, bytes } = packed;
  const slice = (slot: number): Buffer | null =>
    bounds[slot + 1] < 0 ? null : Buffer.from(bytes, bounds[slot], bounds[slot + 1]);
  return packed.offsets.map((offset, i) => ({
    topic: packed.topic,
    partition: packed.partition,
    offset,
    key: slice(i * 4 + 2),
    value: slice(i * 4),
    timestamp: packed.timestamps[i],
    headers: {},
  }));
}

export function packOutbound(records: readonly OutboundRecord[]): PackedOutbound {
  let size = 0;
  for (const r of records) {
    size += typeof r.value === 'string' ? Buffer.byteLength(r.value) : r.value.length;
  }
  const bytes = new ArrayBuffer(size);
  const view = Buffer.from(bytes);
  const bounds = new Int32Array(records.length * 2);
  let at = 0;
  records.forEach((r, i) => {
    const written = typeof r.value === 'string' ? view.write(r.value, at) : r.value.copy(view, at);
    bounds[i * 2] = at;
    bounds[i * 2 + 1] = written;
    at += written;
  });
  return {
    topics: records.map((r) => r.topic),
    keys: records.map((r) => r.key),
    sources: records.map((r) => r.headers?.[SOURCE_HEADER] ?? null),
    bounds,
    bytes,
  };
}

export function unpackOutbound(packed: PackedOutbound): OutboundRecord[] {
  const { bounds, bytes } = packed;
  return packed.topics.map((topic, i) => {
    const source = packed.sources[i];
    return {
      topic,
      key: packed.keys[i],
      value: Buffer.from(bytes, bounds[i * 2], bounds[i * 2 + 1]),
      ...(source === null ? {} : { headers: { [SOURCE_HEADER]: source } }),
    };
  });
}
