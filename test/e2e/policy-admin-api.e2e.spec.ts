import { ManualClock, PolicyAdminHarness, readPolicyFixture } from './support/policy-admin-harness';

interface Issue {
  path: string;
  row?: number;
  code?: string;
  es: string;
  en: string;
}
interface ErrorBody {
  code: string;
  es: string;
  en: string;
  issues?: Issue[];
}
interface Version {
  versionId: string;
  rowVersion: number;
  state: string;
}

describe('policy-admin API (no broker needed)', () => {
  const harness = new PolicyAdminHarness();
  const clock = new ManualClock(new Date('2026-11-26T12:00:00.000Z'));
  let dpo = '';
  let auditor = '';
  let policyYaml = '';

  beforeAll(async () => {
    await harness.setUp();
    await harness.start({ clock, env: { TAMIZ_ADMIN_MAX_BODY_BYTES: '65536' } });
    dpo = (await harness.user('dpo', 'Ana DPO')).token;
    auditor = (await harness.user('auditor', 'Luis Auditor')).token;
    policyYaml = await readPolicyFixture('pe-municipal.policy.yaml');
  });
  afterAll(() => harness.tearDown());

  it('should serve the interactive docs and the OpenAPI document', async () => {
    const html = await harness.call<string>({ method: 'GET', path: '/docs' });
    const doc = await harness.call<{ openapi: string; info: { title: string } }>({
      method: 'GET',
      path: '/docs/openapi.json',
    });

    expect(html.status).toBe(200);
    expect(html.body).toContain('swagger');
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.info.title).toBe('Tamiz policy-admin');
    // the camera request schemas carry the vendor reference the ingress resolves by
    expect(JSON.stringify(doc.body)).toContain('"vendorDeviceId"');
    expect(JSON.stringify(doc.body)).toContain('"vendorChannel"');
  });

  it('should create a draft from a YAML body and from JSON {format, content}', async () => {
    const fromYaml = await harness.call<Version & { policyId: string; format: string }>({
      token: dpo,
      method: 'POST',
      path: '/policies/versions',
      body: policyYaml,
      contentType: 'application/yaml',
    });
    const fromJson = await harness.call<Version & { versionNumber: number }>({
      token: dpo,
      method: 'POST',
      path: '/policies/versions',
      body: { format: 'yaml', content: policyYaml },
    });

    expect(fromYaml).toMatchObject({
      status: 201,
      body: {
        policyId: 'pe-municipal-seguridad-ciudadana',
        format: 'yaml',
        state: 'draft',
        rowVersion: 1,
      },
    });
    expect(fromJson.body.versionNumber).toBe(2);
  });

  it('should answer 400 with every issue at its path in Spanish and English', async () => {
    const broken = policyYaml
      .replace('minConfidence: 0.6', 'minConfidence: 1.7')
      .replace('jurisdiction: PE', 'jurisdiction: XX');
    const invalid = await harness.call<ErrorBody>({
      token: dpo,
      method: 'POST',
      path: '/policies/versions',
      body: { format: 'yaml', content: broken },
    });
    const malformed = await harness.call<ErrorBody>({
      token: dpo,
      method: 'POST',
      path: '/policies/versions',
      body: { format: 'json', content: '{"apiVersion": "tamiz/v2",' },
    });

    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('admin_policy_invalid');
    expect(invalid.body.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(['/metadata/jurisdiction', '/purposes/0/minConfidence']),
    );
    for (const issue of invalid.body.issues ?? []) {
      expect(issue.es.length).toBeGreaterThan(0);
      expect(issue.en.length).toBeGreaterThan(0);
    }
    expect(malformed).toMatchObject({ status: 400, body: { code: 'admin_policy_invalid' } });
    expect(malformed.body.issues?.[0].en).toMatch(/Malformed policy text/);
  });

  it('should reject unknown fields naming them, and bodies over the size limit with 413', async () => {
    const unknown = await harness.call<ErrorBody>({
      token: dpo,
      method: 'POST',
      path: '/policies/versions',
      body: { format: 'yaml', content: policyYaml, approvedBy: 'me', extra: 1 },
    });
    const tooLarge = await harness.call({
      token: dpo,
      method: 'POST',
      path: '/policies/versions',
      body: { format: 'yaml', content: `# ${'x'.repeat(70_000)}\n${policyYaml}` },
    });

    expect(unknown.status).toBe(400);
    expect(unknown.body.issues?.map((i) => i.path).sort()).toEqual(['/approvedBy', '/extra']);
    expect(unknown.body.issues?.[0].es).toMatch(/Campo desconocido/);
    expect(tooLarge.status).toBe(413);
  });

  it('should update a draft with If-Match and refuse a stale or missing version', async () => {
    const created = await harness.call<Version>({
      token: dpo,
      method: 'POST',
      path: '/policies/versions',
      body: { format: 'yaml', content: policyYaml },
    });
    const id = created.body.versionId;
    const edited = policyYaml.replace('minConfidence: 0.6', 'minConfidence: 0.7');
    const put = (headers: Record<string, string>, body: Record<string, unknown>) =>
      harness.call<Version & ErrorBody>({
        token: dpo,
        method: 'PUT',
        path: `/policies/versions/${id}`,
        body: { format: 'yaml', content: edited, ...body },
        headers,
      });

    expect((await put({ 'if-match': '"1"' }, {})).body.rowVersion).toBe(2);
    expect(await put({ 'if-match': '"1"' }, {})).toMatchObject({
      status: 409,
      body: { code: 'admin_stale_version' },
    });
    expect((await put({}, { expectedVersion: 1 })).status).toBe(409);
    expect((await put({}, {})).status).toBe(428);
    expect((await put({}, { expectedVersion: 2 })).body.rowVersion).toBe(3);
  });

  it('should manage cameras: create, 409 on duplicates and stale updates, retire', async () => {
    const camera = {
      cameraId: 'mfl-001',
      name: 'Parque Kennedy norte',
      district: 'miraflores',
      siteId: 'parque-kennedy',
      zoneType: 'parque',
      allowedPurposes: ['delito-en-flagrancia'],
      geo: { lat: -12.1211, lon: -77.0297 },
      signageId: 'SEN-MFL-001',
      dataBankRegistrationId: 'RNPDP-PJP-0001',
      vendorFormat: 'hikvision-isapi',
      vendorDeviceId: '44:19:b6:0a:1c:01',
      vendorChannel: '1',
    };
    const created = await harness.call({
      token: dpo,
      method: 'POST',
      path: '/cameras',
      body: camera,
    });
    const again = await harness.call({
      token: dpo,
      method: 'POST',
      path: '/cameras',
      body: camera,
    });
    const { cameraId: _id, ...fields } = camera;
    const update = (version: string) =>
      harness.call<{ name: string; rowVersion: number }>({
        token: dpo,
        method: 'PUT',
        path: '/cameras/mfl-001',
        body: { ...fields, name: 'Parque Kennedy' },
        headers: { 'if-match': version },
      });

    const unread = await harness.call<ErrorBody>({
      token: dpo,
      method: 'POST',
      path: '/cameras',
      body: { ...camera, cameraId: 'mfl-002', vendorFormat: 'dahua' },
    });
    const taken = await harness.call<ErrorBody>({
      token: dpo,
      method: 'POST',
      path: '/cameras',
      body: { ...camera, cameraId: 'mfl-003', vendorDeviceId: '44:19:B6:0A:1C:01' },
    });

    expect(created).toMatchObject({
      status: 201,
      body: {
        rowVersion: 1,
        retired: false,
        vendorDeviceId: '44:19:b6:0a:1c:01',
        vendorChannel: '1',
      },
    });
    expect(again.status).toBe(409);
    expect(unread.status).toBe(400);
    expect(unread.body.issues?.map((i) => [i.path, i.code])).toEqual([
      ['/vendorFormat', 'vendor_format_unread'],
    ]);
    expect(taken.status).toBe(409);
    expect(taken.body.issues?.map((i) => i.code)).toEqual(['vendor_device_taken']);
    expect((await update('1')).body).toMatchObject({ name: 'Parque Kennedy', rowVersion: 2 });
    expect((await update('1')).status).toBe(409);
    const retired = await harness.call({
      token: dpo,
      method: 'POST',
      path: '/cameras/mfl-001/retire',
      body: { expectedVersion: 2 },
    });
    expect(retired).toMatchObject({ status: 200, body: { retired: true, rowVersion: 3 } });
    expect(
      (await harness.call({ token: auditor, method: 'GET', path: '/cameras/mfl-001' })).body,
    ).toMatchObject({
      retired: true,
    });
  });

  it('should import cameras from CSV all or nothing, with a per-row report', async () => {
    const header =
      'cameraId,name,district,siteId,zoneType,allowedPurposes,geoLat,geoLon,vendorFormat';
    const bad = [
      header,
      'sis-001,"Av. Javier Prado, cruce",san-isidro,jp,via-publica,delito-en-flagrancia;emergencias,-12.09,-77.03,dahua',
      'sis-002,,san-isidro,jp,via-publica,emergencias,-12.09,norte,',
      'sis-001,Duplicada,san-isidro,jp,via-publica,emergencias,,,',
    ].join('\n');
    const rejected = await harness.call<ErrorBody>({
      token: dpo,
      method: 'POST',
      path: '/cameras/import',
      body: bad,
      contentType: 'text/csv',
    });

    expect(rejected.status).toBe(400);
    expect(rejected.body.code).toBe('admin_import_invalid');
    expect(rejected.body.issues?.map((i) => [i.row, i.path])).toEqual([
      [2, '/name'],
      [2, '/geo/lon'],
      [3, '/cameraId'],
    ]);
    expect(rejected.body.issues?.[0].es).toMatch(/\S/);
    expect(rejected.body.issues?.[0].en).toMatch(/\S/);
    const listed = await harness.call<Array<{ cameraId: string }>>({
      token: dpo,
      method: 'GET',
      path: '/cameras',
    });
    expect(listed.body.map((c) => c.cameraId)).not.toContain('sis-001');

    const good = [
      header,
      bad.split('\n')[1],
      'sis-003,Óvalo Gutiérrez,san-isidro,og,via-publica,,,,',
    ].join('\r\n');
    const imported = await harness.call({
      token: dpo,
      method: 'POST',
      path: '/cameras/import',
      body: good,
      contentType: 'text/csv',
    });
    const sis1 = await harness.call({ token: dpo, method: 'GET', path: '/cameras/sis-001' });

    expect(imported).toMatchObject({ status: 201, body: { created: 2 } });
    expect(sis1.body).toMatchObject({
      name: 'Av. Javier Prado, cruce',
      allowedPurposes: ['delito-en-flagrancia', 'emergencias'],
      geo: { lat: -12.09, lon: -77.03 },
      vendorFormat: 'dahua',
    });
  });

  it('should import a JSON array and report an already registered camera by row', async () => {
    const rows = [
      {
        cameraId: 'sis-010',
        name: 'A',
        district: 'san-isidro',
        siteId: 's',
        zoneType: 'parque',
        allowedPurposes: [],
      },
      {
        cameraId: 'sis-001',
        name: 'B',
        district: 'san-isidro',
        siteId: 's',
        zoneType: 'parque',
        allowedPurposes: [],
      },
    ];
    const response = await harness.call<ErrorBody>({
      token: dpo,
      method: 'POST',
      path: '/cameras/import',
      body: rows,
    });

    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([expect.objectContaining({ row: 2, path: '/cameraId' })]);
    expect(
      (await harness.call({ token: dpo, method: 'GET', path: '/cameras/sis-010' })).status,
    ).toBe(404);
  });

  it('should register authorisations that expire on their own and record each use', async () => {
    const registered = await harness.call<{ authorisationId: string; status: string }>({
      token: dpo,
      method: 'POST',
      path: '/authorisations',
      body: {
        issuer: 'Juzgado Penal de Turno de Lima',
        caseRef: 'EXP-2026-00042',
        purposes: ['busqueda-dirigida'],
        scope: { watchlists: ['requisitorias'], cameras: ['sis-001'] },
        validFrom: '2026-11-26T00:00:00-05:00',
        validUntil: '2026-11-27T00:00:00-05:00',
      },
    });
    const id = registered.body.authorisationId;
    const use = (cameraId: string) =>
      harness.call({
        token: dpo,
        method: 'POST',
        path: `/authorisations/${id}/uses`,
        body: { cameraId, reference: 'busqueda-17' },
      });

    expect(registered).toMatchObject({ status: 201, body: { status: 'active' } });
    expect((await use('sis-001')).status).toBe(201);
    expect((await use('sis-003')).status).toBe(403);

    clock.set('2026-11-27T05:00:01.000Z');
    const later = await harness.call<{ status: string; uses: unknown[] }>({
      token: auditor,
      method: 'GET',
      path: `/authorisations/${id}`,
    });
    expect(later.body).toMatchObject({
      status: 'expired',
      uses: [expect.objectContaining({ cameraId: 'sis-001' })],
    });
    expect((await use('sis-001')).status).toBe(409);

    const revoked = await harness.call({
      token: dpo,
      method: 'POST',
      path: `/authorisations/${id}/revoke`,
      body: {},
    });
    expect(revoked.body).toMatchObject({ status: 'revoked' });
    clock.set('2026-11-26T12:00:00.000Z');
  });

  it('should put logins, lifecycle steps, camera changes and authorisations on the audit record', async () => {
    await harness.call({ token: auditor, method: 'POST', path: '/auth/login', body: {} });
    const audit = await harness.call<Array<{ action: string; details: Record<string, unknown> }>>({
      token: auditor,
      method: 'GET',
      path: '/audit',
    });
    const actions = new Set(audit.body.map((r) => r.action));

    for (const action of [
      'user.create',
      'token.issue',
      'auth.session_start',
      'auth.login',
      'policy.draft_create',
      'policy.draft_update',
      'camera.create',
      'camera.update',
      'camera.retire',
      'camera.import',
      'authorisation.register',
      'authorisation.use',
      'authorisation.revoke',
    ]) {
      expect(actions).toContain(action);
    }
    // No personal data or secrets: no case reference, issuer, token or camera name in details.
    const text = JSON.stringify(audit.body);
    expect(text).not.toContain('EXP-2026-00042');
    expect(text).not.toContain('Juzgado');
    expect(text).not.toContain(harness.adminToken);
    expect(text).not.toContain('Parque Kennedy');
  });
});
