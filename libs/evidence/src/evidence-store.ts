import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EvidenceError, EvidenceErrorCode } from './evidence.error';

export const DEFAULT_EVIDENCE_ROOT = './data/evidence';

export interface EvidenceStoreOptions {
  /** Directory holding the evidence; created on first write. Default `./data/evidence`. */
  root?: string;
  /** fsync each file and its directory before a put resolves; default true. */
  durable?: boolean;
  /**
   * Secret (at least 32 random bytes) under which evidence is encrypted at rest (AES-256-GCM, the
   * key derived with HKDF-SHA256). Without one, evidence is written in clear. Files written in
   * clear stay readable either way.
   */
  key?: Buffer;
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
// File layout: magic, a 4-byte header length, the JSON header, the bytes (TZEV1), or the bytes
// encrypted with the header as additional data, then the 16-byte GCM tag (TZEV2).
const MAGIC = Buffer.from('TZEV1\n');
const MAGIC_ENCRYPTED = Buffer.from('TZEV2\n');
const TAG_BYTES = 16;

interface EvidenceKey {
  key: Buffer;
  /** Names the key without revealing it: a wrong key is told apart from a damaged file. */
  keyId: string;
}

function evidenceKey(secret: Buffer): EvidenceKey {
  if (!Buffer.isBuffer(secret) || secret.length < 32) {
    throw new EvidenceError({
      code: EvidenceErrorCode.InvalidOptions,
      message: 'the evidence key must be at least 32 random bytes',
    });
  }
  const key = Buffer.from(hkdfSync('sha256', secret, 'tamiz', 'evidence at rest v2', 32));
  return { key, keyId: createHash('sha256').update(key).digest('hex').slice(0, 16) };
}

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
 * stay under the root. With a key, evidence is encrypted at rest (AES-256-GCM, header authenticated).
 */
export class EvidenceStore {
  readonly root: string;
  private readonly durable: boolean;
  private readonly key: EvidenceKey | null;

  constructor(options: EvidenceStoreOptions = {}) {
    this.root = resolve(options.root ?? DEFAULT_EVIDENCE_ROOT);
    this.durable = options.durable ?? true;
    this.key = options.key === undefined ? null : evidenceKey(options.key);
  }

  /** True when puts encrypt what they store. */
  get encrypted(): boolean {
    return this.key !== null;
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
    const parts = this.seal({ eventId, contentType, size: bytes.length, sha256 }, bytes);
    const { dir, file } = this.locate(eventId);
    const temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      await mkdir(dir, { recursive: true });
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writev(parts);
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
    return parse({ eventId, raw, key: this.key });
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

  /** The file's parts: magic, header length, header, then the bytes, sealed when keyed. */
  private seal(fields: Record<string, unknown>, bytes: Buffer): Buffer[] {
    if (!this.key) {
      const header = Buffer.from(JSON.stringify(fields));
      return [MAGIC, uint32(header.length), header, bytes];
    }
    const iv = randomBytes(12);
    const header = Buffer.from(
      JSON.stringify({
        ...fields,
        alg: 'A256GCM',
        keyId: this.key.keyId,
        iv: iv.toString('base64'),
      }),
    );
    const cipher = createCipheriv('aes-256-gcm', this.key.key, iv);
    // the header is authenticated too: a changed content type or id fails like changed bytes
    cipher.setAAD(header);
    const sealed = Buffer.concat([cipher.update(bytes), cipher.final()]);
    return [MAGIC_ENCRYPTED, uint32(header.length), header, sealed, cipher.getAuthTag()];
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

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function parse(args: { eventId: string; raw: Buffer; key: EvidenceKey | null }): StoredEvidence {
  const { eventId, raw } = args;
  const corrupt = (why: string): EvidenceError =>
    new EvidenceError({ code: EvidenceErrorCode.Corrupt, message: `stored evidence ${why}` });
  const magic = raw.subarray(0, MAGIC.length);
  const encrypted = magic.equals(MAGIC_ENCRYPTED);
  if (raw.length < MAGIC.length + 4 || !(encrypted || magic.equals(MAGIC))) {
    throw corrupt('has no header');
  }
  const headerLength = raw.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4 + headerLength;
  if (start > raw.length) {
    throw corrupt('is truncated');
  }
  const headerBytes = raw.subarray(MAGIC.length + 4, start);
  let header: {
    eventId?: unknown;
    contentType?: unknown;
    size?: unknown;
    sha256?: unknown;
    keyId?: unknown;
    iv?: unknown;
  };
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as typeof header;
  } catch {
    throw corrupt('has an unreadable header');
  }
  const bytes = encrypted
    ? unseal({ sealed: raw.subarray(start), header: headerBytes, fields: header, key: args.key })
    : raw.subarray(start);
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

/** Decrypts a TZEV2 body; a missing or different key is said as such, any tampering as corrupt. */
function unseal(args: {
  sealed: Buffer;
  header: Buffer;
  fields: { keyId?: unknown; iv?: unknown };
  key: EvidenceKey | null;
}): Buffer {
  if (!args.key) {
    throw new EvidenceError({
      code: EvidenceErrorCode.KeyRequired,
      message: 'stored evidence is encrypted and this store has no key',
    });
  }
  if (args.fields.keyId !== args.key.keyId) {
    throw new EvidenceError({
      code: EvidenceErrorCode.KeyRequired,
      message: 'stored evidence is encrypted under another key',
    });
  }
  if (typeof args.fields.iv !== 'string' || args.sealed.length < TAG_BYTES) {
    throw new EvidenceError({
      code: EvidenceErrorCode.Corrupt,
      message: 'stored evidence is truncated',
    });
  }
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      args.key.key,
      Buffer.from(args.fields.iv, 'base64'),
    );
    decipher.setAAD(args.header);
    decipher.setAuthTag(args.sealed.subarray(args.sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(args.sealed.subarray(0, args.sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new EvidenceError({
      code: EvidenceErrorCode.Corrupt,
      message: 'stored evidence fails its authentication (altered or damaged)',
    });
  }
}
