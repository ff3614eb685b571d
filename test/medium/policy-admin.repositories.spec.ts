import {
  AccessRepository,
  AuditRepository,
  AuthorisationRepository,
  CameraAdminRepository,
  CameraRepository,
  PolicyVersionRepository,
  hashApiToken,
  openDataSource,
  type CameraFields,
} from '@lib/persistence';
import type { DataSource } from 'typeorm';
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from './utils/test-database';

const T0 = new Date('2026-11-26T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

function cameraFields(cameraId: string, overrides: Partial<CameraFields> = {}): CameraFields {
  return {
    cameraId,
    name: `Cámara ${cameraId}`,
    district: 'miraflores',
    siteId: 'site-1',
    zoneType: 'via-publica',
    allowedPurposes: ['delito-en-flagrancia'],
    geo: { lat: -12.1211, lon: -77.0297 },
    signageId: 'SEN-1',
    dataBankRegistrationId: 'RNPDP-PJP-0001',
    vendorFormat: 'hikvision-isapi',
    vendorDeviceId: null,
    vendorChannel: null,
    ...overrides,
  };
}

describe.each(TEST_DRIVERS)('policy-admin repositories on $driver', ({ driver }) => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    db = await createTestDatabase(driver);
    dataSource = await openDataSource(db.options);
  });

  afterEach(async () => {
    if (dataSource.isInitialized) {
      await dataSource.destroy();
    }
    await db.drop();
  });

  describe(AccessRepository.name, () => {
    it('should store only the hash of a token and authenticate it until it expires', async () => {
      const sut = new AccessRepository(dataSource);
      const user = await sut.createUser({ displayName: 'Ana DPO', role: 'dpo', now: T0 });
      const { token, info } = await sut.issueToken({
        userId: user.userId,
        scopes: ['read', 'write'],
        expiresAt: later(60_000),
        now: T0,
      });

      const table = db.options.schema ? `"${db.options.schema}".api_tokens` : 'api_tokens';
      const stored: Array<{ token_hash: string }> = await dataSource.query(
        `SELECT * FROM ${table}`,
      );
      expect(JSON.stringify(stored)).not.toContain(token);
      expect(stored[0].token_hash).toBe(hashApiToken(token));

      const first = await sut.authenticate(token, later(1_000));
      expect(first).toMatchObject({ user: { userId: user.userId, role: 'dpo' }, firstUse: true });
      expect((await sut.authenticate(token, later(2_000)))?.firstUse).toBe(false);
      expect(await sut.authenticate(token, later(60_000))).toBeNull();
      expect(await sut.authenticate(`${token}x`, later(1_000))).toBeNull();
      expect((await sut.listTokens(user.userId))[0]).toMatchObject({
        tokenId: info.tokenId,
        lastUsedAt: later(2_000).toISOString(),
      });
    });

    it('should refuse a revoked token and the token of a disabled user', async () => {
      const sut = new AccessRepository(dataSource);
      const user = await sut.createUser({ displayName: 'Luis', role: 'auditor', now: T0 });
      const a = await sut.issueToken({
        userId: user.userId,
        scopes: ['read'],
        expiresAt: later(60_000),
        now: T0,
      });
      const b = await sut.issueToken({
        userId: user.userId,
        scopes: ['read'],
        expiresAt: later(60_000),
        now: T0,
      });

      expect(await sut.revokeToken(a.info.tokenId, T0)).toBe(true);
      expect(await sut.authenticate(a.token, T0)).toBeNull();
      expect(await sut.authenticate(b.token, T0)).not.toBeNull();
      await sut.setUserDisabled(user.userId, true);
      expect(await sut.authenticate(b.token, T0)).toBeNull();
      expect((await sut.findUser(user.userId))?.disabled).toBe(true);
    });
  });

  describe(PolicyVersionRepository.name, () => {
    const draft = (sut: PolicyVersionRepository, policyId = 'pe-municipal') =>
      sut.create({
        policyId,
        format: 'yaml',
        content: 'apiVersion: tamiz/v2',
        contentHash: 'a'.repeat(64),
        authorId: 'author-1',
        state: 'draft',
        now: T0,
      });

    it('should number versions per policy and refuse a stale row version', async () => {
      const sut = new PolicyVersionRepository(dataSource);
      const v1 = await draft(sut);
      const v2 = await draft(sut);
      const other = await draft(sut, 'eu');
      expect([v1.versionNumber, v2.versionNumber, other.versionNumber]).toEqual([1, 2, 1]);

      const updated = await sut.update({
        versionId: v1.versionId,
        rowVersion: 1,
        patch: { content: 'changed' },
        now: later(1),
      });
      expect(updated).toMatchObject({ content: 'changed', rowVersion: 2 });
      expect(
        await sut.update({
          versionId: v1.versionId,
          rowVersion: 1,
          patch: { content: 'lost update' },
          now: later(2),
        }),
      ).toBeNull();
      expect((await sut.findById(v1.versionId))?.content).toBe('changed');
      expect((await sut.list({ policyId: 'pe-municipal' })).map((v) => v.versionNumber)).toEqual([
        1, 2,
      ]);
    });

    it('should supersede the active version when another is marked active, in order', async () => {
      const sut = new PolicyVersionRepository(dataSource);
      const v1 = await draft(sut);
      const v2 = await draft(sut);

      expect(await sut.nextActivationSequence()).toBe(1);
      const first = await sut.markActive({ ...v1, sequence: 1, now: later(1) });
      expect(first?.active).toMatchObject({ state: 'active', activationSequence: 1 });
      expect(await sut.nextActivationSequence()).toBe(2);

      const second = await sut.markActive({ ...v2, sequence: 2, now: later(2) });
      expect(second?.superseded).toMatchObject({ versionId: v1.versionId, state: 'superseded' });
      expect((await sut.findActive())?.versionId).toBe(v2.versionId);
    });

    it('should change nothing when the sequence was taken or the row moved on', async () => {
      const sut = new PolicyVersionRepository(dataSource);
      const v1 = await draft(sut);
      const v2 = await draft(sut);
      await sut.markActive({ ...v1, sequence: 1, now: later(1) });

      expect(await sut.markActive({ ...v2, sequence: 1, now: later(2) })).toBeNull();
      expect(await sut.markActive({ ...v2, rowVersion: 7, sequence: 2, now: later(2) })).toBeNull();
      expect((await sut.findActive())?.versionId).toBe(v1.versionId);
      expect((await sut.findById(v2.versionId))?.state).toBe('draft');
    });

    it('should find approved versions whose scheduled time has come', async () => {
      const sut = new PolicyVersionRepository(dataSource);
      const v1 = await draft(sut);
      const v2 = await draft(sut);
      for (const [v, at] of [
        [v1, later(1_000)],
        [v2, later(5_000)],
      ] as const) {
        await sut.update({
          versionId: v.versionId,
          rowVersion: 1,
          patch: { state: 'approved', scheduledActivationAt: at.toISOString() },
          now: T0,
        });
      }
      expect((await sut.findDue(later(999))).length).toBe(0);
      expect((await sut.findDue(later(1_000))).map((v) => v.versionId)).toEqual([v1.versionId]);
      expect((await sut.findDue(later(9_000))).map((v) => v.versionId)).toEqual([
        v1.versionId,
        v2.versionId,
      ]);
    });
  });

  describe(AuthorisationRepository.name, () => {
    it('should register, record uses and revoke once', async () => {
      const sut = new AuthorisationRepository(dataSource);
      const a = await sut.register({
        issuer: 'Juzgado Penal de Lima',
        caseRef: 'EXP-2026-0042',
        purposes: ['busqueda-dirigida'],
        scope: { watchlists: ['wl-1'], cameras: ['cam-1'] },
        validFrom: T0.toISOString(),
        validUntil: later(86_400_000).toISOString(),
        registeredBy: 'dpo-1',
        now: T0,
      });
      await sut.recordUse({
        authorisationId: a.authorisationId,
        usedBy: 'governor',
        cameraId: 'cam-1',
        reference: 'evt-1',
        now: later(5),
      });

      expect(await sut.findById(a.authorisationId)).toEqual(a);
      expect(await sut.listUses(a.authorisationId)).toEqual([
        expect.objectContaining({ usedBy: 'governor', cameraId: 'cam-1', reference: 'evt-1' }),
      ]);
      const revoked = await sut.revoke({
        authorisationId: a.authorisationId,
        by: 'dpo-2',
        now: later(9),
      });
      await sut.revoke({ authorisationId: a.authorisationId, by: 'dpo-3', now: later(10) });
      expect(revoked).toMatchObject({ revokedBy: 'dpo-2', revokedAt: later(9).toISOString() });
      expect(await sut.findById(a.authorisationId)).toEqual(revoked);
      expect(await sut.revoke({ authorisationId: 'nope', by: 'x', now: T0 })).toBeNull();
    });

    it('should give the register in force with a sequence that grows with every change', async () => {
      const sut = new AuthorisationRepository(dataSource);
      const register = (purpose: string, at: Date) =>
        sut.register({
          issuer: 'Juzgado Penal de Lima',
          caseRef: 'EXP-2026-0042',
          purposes: [purpose],
          scope: { cameras: ['cam-1'] },
          validFrom: T0.toISOString(),
          validUntil: later(86_400_000).toISOString(),
          registeredBy: 'dpo-1',
          now: at,
        });

      expect(await sut.registerState()).toEqual({ sequence: 0, inForce: [] });
      const a = await register('busqueda-dirigida', T0);
      const b = await register('identificacion-facial-autorizada', later(1));
      const both = await sut.registerState();
      await sut.revoke({ authorisationId: a.authorisationId, by: 'dpo-2', now: later(2) });
      await sut.revoke({ authorisationId: a.authorisationId, by: 'dpo-2', now: later(3) });
      const afterRevoke = await sut.registerState();

      expect(both.sequence).toBe(2);
      expect(both.inForce.map((x) => x.authorisationId)).toEqual(
        [a.authorisationId, b.authorisationId].sort(),
      );
      expect(afterRevoke).toEqual({ sequence: 3, inForce: [b] });
      expect(await sut.registeredIds([a.authorisationId, 'AUT-DOC-1'])).toEqual(
        new Set([a.authorisationId]),
      );
    });

    it('should record one use per authorisation and event, however often a decision is read', async () => {
      const sut = new AuthorisationRepository(dataSource);
      const a = await sut.register({
        issuer: 'Juzgado Penal de Lima',
        caseRef: 'EXP-2026-0042',
        purposes: ['identificacion-facial-autorizada'],
        scope: { watchlists: ['requisitoria'] },
        validFrom: T0.toISOString(),
        validUntil: later(86_400_000).toISOString(),
        registeredBy: 'dpo-1',
        now: T0,
      });
      const use = (eventId: string) => ({
        authorisationId: a.authorisationId,
        eventId,
        cameraId: 'cam-1',
        usedAt: later(60_000).toISOString(),
      });

      await sut.recordDecisionUses([use('evt-1'), use('evt-2')]);
      await sut.recordDecisionUses([use('evt-2'), use('evt-1'), use('evt-3')]);
      await sut.recordDecisionUses([]);
      await sut.recordUse({
        authorisationId: a.authorisationId,
        usedBy: 'dpo-1',
        cameraId: null,
        reference: 'busqueda-17',
        now: later(5),
      });
      await sut.recordUse({
        authorisationId: a.authorisationId,
        usedBy: 'dpo-1',
        cameraId: null,
        reference: 'busqueda-17',
        now: later(6),
      });

      const uses = await sut.listUses(a.authorisationId);
      expect(
        uses
          .filter((u) => u.eventId !== null)
          .map((u) => u.eventId)
          .sort(),
      ).toEqual(['evt-1', 'evt-2', 'evt-3']);
      expect(uses.filter((u) => u.eventId === null)).toHaveLength(2);
      expect(uses.find((u) => u.eventId === 'evt-1')).toMatchObject({
        usedBy: 'governor',
        cameraId: 'cam-1',
        usedAt: later(60_000).toISOString(),
      });
    });
  });

  describe(AuditRepository.name, () => {
    it('should append records and list them oldest first, by target', async () => {
      const sut = new AuditRepository(dataSource);
      await sut.append({
        actorId: 'u1',
        action: 'policy.submit',
        targetType: 'policy_version',
        targetId: 'v1',
        details: { state: 'submitted' },
        at: later(2),
      });
      await sut.append({
        actorId: 'u2',
        action: 'camera.create',
        targetType: 'camera',
        targetId: 'cam-1',
        details: {},
        at: later(1),
      });

      expect((await sut.list()).map((r) => r.action)).toEqual(['camera.create', 'policy.submit']);
      expect(await sut.list({ targetType: 'policy_version', targetId: 'v1' })).toEqual([
        expect.objectContaining({ actorId: 'u1', details: { state: 'submitted' } }),
      ]);
    });
  });

  describe(CameraAdminRepository.name, () => {
    it('should create all or nothing, refuse stale updates and hide retired cameras from the governor', async () => {
      const sut = new CameraAdminRepository(dataSource);
      const registry = new CameraRepository(dataSource);
      const created = await sut.createMany([cameraFields('cam-1'), cameraFields('cam-2')]);
      expect(created.created.map((c) => c.rowVersion)).toEqual([1, 1]);
      expect(await sut.createMany([cameraFields('cam-3'), cameraFields('cam-1')])).toEqual({
        existing: ['cam-1'],
        created: [],
      });
      expect(await sut.findById('cam-3')).toBeNull();

      const { cameraId: _id, ...fields } = cameraFields('cam-1', { name: 'Renombrada' });
      expect(await sut.update({ cameraId: 'cam-1', rowVersion: 1, fields })).toMatchObject({
        name: 'Renombrada',
        rowVersion: 2,
        geo: { lat: -12.1211, lon: -77.0297 },
      });
      expect(await sut.update({ cameraId: 'cam-1', rowVersion: 1, fields })).toBeNull();

      await sut.update({ cameraId: 'cam-2', rowVersion: 1, retired: true });
      expect((await registry.findAll()).map((c) => c.cameraId)).toEqual(['cam-1']);
      expect(await registry.findById('cam-2')).toBeNull();
      expect((await sut.list()).map((c) => [c.cameraId, c.retired])).toEqual([
        ['cam-1', false],
        ['cam-2', true],
      ]);
    });

    it('should store the vendor device and channel, and list active ones for the ingress', async () => {
      const sut = new CameraAdminRepository(dataSource);
      const registry = new CameraRepository(dataSource);
      await sut.createMany([
        cameraFields('cam-b', { vendorDeviceId: '44:19:B6:0A:1C:01', vendorChannel: '2' }),
        cameraFields('cam-a', { vendorFormat: 'deepstream', vendorDeviceId: 'sensor-jp-0' }),
        cameraFields('cam-retired', { vendorDeviceId: '44:19:b6:0a:1c:09' }),
        cameraFields('cam-plain'),
      ]);
      await sut.update({ cameraId: 'cam-retired', rowVersion: 1, retired: true });

      expect(await sut.findById('cam-b')).toMatchObject({
        vendorFormat: 'hikvision-isapi',
        vendorDeviceId: '44:19:B6:0A:1C:01',
        vendorChannel: '2',
      });
      expect(await registry.findVendorRefs()).toEqual([
        {
          cameraId: 'cam-a',
          siteId: 'site-1',
          zoneType: 'via-publica',
          vendorFormat: 'deepstream',
          vendorDeviceId: 'sensor-jp-0',
          vendorChannel: null,
        },
        {
          cameraId: 'cam-b',
          siteId: 'site-1',
          zoneType: 'via-publica',
          vendorFormat: 'hikvision-isapi',
          vendorDeviceId: '44:19:B6:0A:1C:01',
          vendorChannel: '2',
        },
      ]);
    });
  });

  describe(CameraRepository.name, () => {
    it('should assign vendor references to registered cameras, leave the row version, and survive a registry sync', async () => {
      const admin = new CameraAdminRepository(dataSource);
      const sut = new CameraRepository(dataSource);
      await admin.createMany([cameraFields('cam-1'), cameraFields('cam-2')]);

      const missing = await sut.assignVendorRefs([
        { cameraId: 'cam-1', vendorFormat: 'onvif', vendorDeviceId: 'axis-1', vendorChannel: null },
        { cameraId: 'cam-9', vendorFormat: 'onvif', vendorDeviceId: 'axis-9', vendorChannel: null },
      ]);

      expect(missing).toEqual(['cam-9']);
      expect(await admin.findById('cam-1')).toMatchObject({
        vendorFormat: 'onvif',
        vendorDeviceId: 'axis-1',
        rowVersion: 1,
      });
      expect((await sut.findVendorRefs()).map((r) => r.cameraId)).toEqual(['cam-1']);
      const [synced] = await sut.findAll();
      await sut.upsertMany([{ ...synced, name: 'Renombrada' }]);
      expect((await sut.findVendorRefs()).map((r) => r.vendorDeviceId)).toEqual(['axis-1']);
    });
  });
});
