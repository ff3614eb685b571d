import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EvidenceError, EvidenceErrorCode } from './evidence.error';

export const DEFAULT_EVIDENCE_ROOT = './data/evidence';

export interface EvidenceStoreOptions {
  /** Directory holding the evidence; created on first write. Default `./data/evidence`. */
  root?: string;
  /** fsync each file and its directory before a put resolves; default true. */
  durable?: boolean;
}

export interface StoredEvidence {
  eventId: string;
  contentType: string;
  bytes: Buffer;
}

/** What a put stored: enough for an alert to refer to the evidence without carrying it. */
export interface EvidenceRef {
  eventId: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

// Event ids name files: letters, digits and `._:-`, not starting with a dot, at most 200.
const EVENT_ID = /^[A-Za-z0-9_:-][A-Za-z0-9._:-]{0,199}$/;
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;
// File layout: magic, a 4-byte header length, the JSON header, the bytes.
const MAGIC = Buffer.from('TZEV1\n');

function checkId(eventId: string): void {
  if (typeof eventId !== 'string' || !EVENT_ID.test(eventId)) {
    throw new EvidenceError({
      code: EvidenceErrorCode.InvalidId,
      // the id itself may be hostile or personal: only its length is reported
      message: `invalid event id (length ${typeof eventId === 'string' ? eventId.length : 'n/a'})`,
    });
  }
}

function io(action: string, cause: unknown): EvidenceError {
  const code = (cause as NodeJS.ErrnoException | null)?.code ?? 'unknown';
  return new EvidenceError({
    code: EvidenceErrorCode.Io,
    message: `evidence ${action} failed (${code})`,
    cause,
  });
}

/**
 * Snapshots and other raw evidence on the local filesystem, one file per event id, sharded by
 * the first byte of the id's SHA-256. A put writes a temporary file in the same directory and
 * renames it over the final name, so a reader sees the old file or the new one, never a part.
 * Ids are checked against a strict pattern (no `/`, no leading dot), and the path is checked to
 * stay under the root. Stored in clear for now; a later issue encrypts under retention keys.
 */
export class EvidenceStore {
  readonly root: string;
  private readonly durable: boolean;

  constructor(options: EvidenceStoreOptions = {}) {
    this.root = resolve(options.root ?? DEFAULT_EVIDENCE_ROOT);
    this.durable = options.durable ?? true;
  }

  async put(eventId: string, bytes: Buffer, contentType: string): Promise<EvidenceRef> {
    checkId(eventId);
    if (typeof contentType !== 'string' || !CONTENT_TYPE.test(contentType)) {
      throw new EvidenceError({
        code: EvidenceErrorCode.InvalidContentType,
        message: 'content type must be type/subtype in lower case',
      });
    }
    if (!Buffer.isBuffer(bytes)) {
      throw new EvidenceError({
        code: EvidenceErrorCode.Corrupt,
        message: 'bytes must be a Buffer',
      });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const header = Buffer.from(
      JSON.stringify({ eventId, contentType, size: bytes.length, sha256 }),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    const { dir, file } = this.locate(eventId);
    const temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      await mkdir(dir, { recursive: true });
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writev([MAGIC, length, header, bytes]);
        if (this.durable) {
          await handle.sync();
        }
      } finally {
        await handle.close();
      }
      await rename(temp, file);
      if (this.durable) {
        const dirHandle = await open(dir, 'r');
        try {
          await dirHandle.sync();
        } finally {
          await dirHandle.close();
        }
      }
    } catch (cause) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw io('write', cause);
    }
    return { eventId, contentType, size: bytes.length, sha256 };
  }

  /** The evidence of an event, or null if there is none. */
  async get(eventId: string): Promise<StoredEvidence | null> {
    checkId(eventId);
    let raw: Buffer;
    try {
      raw = await readFile(this.locate(eventId).file);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
        return null;
      }
      throw io('read', cause);
    }
    return parse(eventId, raw);
  }

  async has(eventId: string): Promise<boolean> {
    checkId(eventId);
    try {
      return (await stat(this.locate(eventId).file)).isFile();
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
        return false;
      }
      throw io('stat', cause);
    }
  }

  /** Removes the evidence of an event; true if there was some. */
  async delete(eventId: string): Promise<boolean> {
    checkId(eventId);
    try {
      await unlink(this.locate(eventId).file);
      return true;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
        return false;
      }
      throw io('delete', cause);
    }
  }

  private locate(eventId: string): { dir: string; file: string } {
    const shard = createHash('sha256').update(eventId).digest('hex').slice(0, 2);
    const dir = join(this.root, shard);
    const file = join(dir, `${eventId}.ev`);
    // belt and braces: the id pattern already rules out separators and dot-dot
    if (!file.startsWith(this.root + '/') || resolve(file) !== file) {
      throw new EvidenceError({ code: EvidenceErrorCode.InvalidId, message: 'invalid event id' });
    }
    return { dir, file };
  }
}

function parse(eventId: string, raw: Buffer): StoredEvidence {
  const corrupt = (why: string): EvidenceError =>
    new EvidenceError({ code: EvidenceErrorCode.Corrupt, message: `stored evidence ${why}` });
  if (raw.length < MAGIC.length + 4 || !raw.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw corrupt('has no header');
  }
  const headerLength = raw.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4 + headerLength;
  if (start > raw.length) {
    throw corrupt('is truncated');
  }
  let header: { eventId?: unknown; contentType?: unknown; size?: unknown; sha256?: unknown };
  try {
    header = JSON.parse(raw.subarray(MAGIC.length + 4, start).toString('utf8')) as typeof header;
  } catch {
    throw corrupt('has an unreadable header');
  }
  const bytes = raw.subarray(start);
  if (
    header.eventId !== eventId ||
    typeof header.contentType !== 'string' ||
    header.size !== bytes.length ||
    header.sha256 !== createHash('sha256').update(bytes).digest('hex')
  ) {
    throw corrupt('does not match its header');
  }
  return { eventId, contentType: header.contentType, bytes: Buffer.from(bytes) };
}
