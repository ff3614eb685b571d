import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redactSnapshot } from '@lib/redaction';
import { syntheticSnapshot } from '@lib/simulator';
import { EvidenceErrorCode } from './evidence.error';
import { EvidenceStore } from './evidence-store';

let root: string;
let store: EvidenceStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tamiz-evidence-'));
  store = new EvidenceStore({ root });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

describe('EvidenceStore', () => {
  it('puts, gets, has and deletes a redacted snapshot by event id', async () => {
    const snap = await syntheticSnapshot(21, { width: 640, height: 360 });
    const redacted = await redactSnapshot(snap.jpeg, snap.regions);
    const id = 'det-5f7e0c1a9b2d4e6f';
    expect(await store.has(id)).toBe(false);
    expect(await store.get(id)).toBeNull();

    const ref = await store.put(id, redacted, 'image/jpeg');
    expect(ref).toEqual({
      eventId: id,
      contentType: 'image/jpeg',
      size: redacted.length,
      sha256: createHash('sha256').update(redacted).digest('hex'),
    });
    expect(await store.has(id)).toBe(true);
    const got = await store.get(id);
    expect(got?.contentType).toBe('image/jpeg');
    expect(got?.bytes.equals(redacted)).toBe(true);
    // a fresh store on the same root reads what the first one wrote
    expect((await new EvidenceStore({ root }).get(id))?.bytes.equals(redacted)).toBe(true);

    expect(await store.delete(id)).toBe(true);
    expect(await store.delete(id)).toBe(false);
    expect(await store.has(id)).toBe(false);
  });

  it('a second put replaces the first whole, and leaves no temporary file', async () => {
    await store.put('ev-1', Buffer.alloc(100_000, 1), 'image/jpeg');
    await store.put('ev-1', Buffer.from('second'), 'application/octet-stream');
    const got = await store.get('ev-1');
    expect(got).toEqual({
      eventId: 'ev-1',
      contentType: 'application/octet-stream',
      bytes: Buffer.from('second'),
    });
    const files = await filesUnder(root);
    expect(files).toHaveLength(1);
    expect(files[0].endsWith('ev-1.ev')).toBe(true);
  });

  it('concurrent puts of one id leave one complete version', async () => {
    const versions = Array.from({ length: 8 }, (_, i) => Buffer.alloc(200_000 + i, i));
    await Promise.all(versions.map((v) => store.put('ev-race', v, 'image/jpeg')));
    const got = await store.get('ev-race');
    expect(versions.some((v) => v.equals(got!.bytes))).toBe(true);
    expect(await filesUnder(root)).toHaveLength(1);
  });

  it.each([
    '../escape',
    '..',
    '.hidden',
    'a/b',
    'a\\b',
    '',
    'x'.repeat(201),
    'ñandú',
    'id\0null',
    '/etc/passwd',
  ])('refuses the unsafe id %j and writes nothing', async (id) => {
    await expect(store.put(id, Buffer.from('x'), 'image/jpeg')).rejects.toMatchObject({
      code: EvidenceErrorCode.InvalidId,
    });
    await expect(store.get(id)).rejects.toMatchObject({ code: EvidenceErrorCode.InvalidId });
    await expect(store.delete(id)).rejects.toMatchObject({ code: EvidenceErrorCode.InvalidId });
    expect(await filesUnder(root)).toEqual([]);
  });

  it('refuses a malformed content type', async () => {
    await expect(store.put('ev-2', Buffer.from('x'), 'JPEG')).rejects.toMatchObject({
      code: EvidenceErrorCode.InvalidContentType,
    });
  });

  it('reports a stored file altered on disk as corrupt, not as other bytes', async () => {
    await store.put('ev-3', Buffer.from('original bytes'), 'image/jpeg');
    const [file] = await filesUnder(root);
    const raw = await readFile(file);
    raw[raw.length - 1] ^= 0xff;
    await writeFile(file, raw);
    await expect(store.get('ev-3')).rejects.toMatchObject({ code: EvidenceErrorCode.Corrupt });
  });

  it('fails with a retriable io error when the root cannot be written', async () => {
    const blocked = join(root, 'file-not-dir');
    await writeFile(blocked, 'x');
    const bad = new EvidenceStore({ root: blocked });
    await expect(bad.put('ev-4', Buffer.from('x'), 'image/jpeg')).rejects.toMatchObject({
      code: EvidenceErrorCode.Io,
      retriable: true,
    });
  });
});

describe('EvidenceStore with a key (encrypted at rest)', () => {
  const secret = Buffer.alloc(32, 7);
  const marker = Buffer.from('FACE-OF-A-PASSER-BY '.repeat(50));
  let keyed: EvidenceStore;

  beforeEach(() => {
    keyed = new EvidenceStore({ root, key: secret });
  });

  async function onlyFile(): Promise<string> {
    const [file] = await filesUnder(root);
    return file;
  }

  it('gives back the bytes put, and keeps none of them in clear on disk', async () => {
    const ref = await keyed.put('det-enc-1', marker, 'image/jpeg');
    expect(keyed.encrypted).toBe(true);
    expect(ref.sha256).toBe(createHash('sha256').update(marker).digest('hex'));
    expect(await keyed.get('det-enc-1')).toEqual({
      eventId: 'det-enc-1',
      contentType: 'image/jpeg',
      bytes: marker,
    });
    const raw = await readFile(await onlyFile());
    expect(raw.subarray(0, 6).toString()).toBe('TZEV2\n');
    expect(raw.includes(Buffer.from('FACE-OF-A-PASSER-BY'))).toBe(false);
  });

  it('still reads evidence written in clear before the key was set', async () => {
    await store.put('det-clear', marker, 'image/jpeg');
    expect((await keyed.get('det-clear'))?.bytes).toEqual(marker);
  });

  it('says a key is needed, not that the file is corrupt, without the key or with another', async () => {
    await keyed.put('det-enc-2', marker, 'image/jpeg');
    await expect(store.get('det-enc-2')).rejects.toMatchObject({
      code: EvidenceErrorCode.KeyRequired,
    });
    const other = new EvidenceStore({ root, key: Buffer.alloc(32, 8) });
    await expect(other.get('det-enc-2')).rejects.toMatchObject({
      code: EvidenceErrorCode.KeyRequired,
    });
  });

  it('reports altered ciphertext, and an altered header, as corrupt', async () => {
    await keyed.put('det-enc-3', marker, 'image/jpeg');
    const file = await onlyFile();
    const raw = await readFile(file);
    const flipped = Buffer.from(raw);
    flipped[flipped.length - 40] ^= 0x01;
    await writeFile(file, flipped);
    await expect(keyed.get('det-enc-3')).rejects.toMatchObject({
      code: EvidenceErrorCode.Corrupt,
    });
    // same length, so only the authentication of the header can catch it
    await writeFile(
      file,
      Buffer.from(raw.toString('latin1').replace('image/jpeg', 'image/jpex'), 'latin1'),
    );
    await expect(keyed.get('det-enc-3')).rejects.toMatchObject({
      code: EvidenceErrorCode.Corrupt,
    });
  });

  it('refuses a key shorter than 32 bytes', () => {
    let thrown: unknown;
    try {
      new EvidenceStore({ root, key: Buffer.alloc(16, 1) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: EvidenceErrorCode.InvalidOptions });
  });
});
