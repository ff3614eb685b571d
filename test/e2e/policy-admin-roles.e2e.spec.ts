import { PolicyAdminHarness } from './support/policy-admin-harness';

type Role = 'dpo' | 'auditor' | 'operator' | 'admin';
const ROLES: Role[] = ['dpo', 'auditor', 'operator', 'admin'];

const DPO: Role[] = ['dpo'];
const READ: Role[] = ['dpo', 'auditor'];
const ADMIN: Role[] = ['admin'];

/** Every endpoint and who may call it; the OpenAPI document must list exactly these. */
const ENDPOINTS: Array<{ method: string; path: string; roles: Role[] }> = [
  { method: 'POST', path: '/policies/versions', roles: DPO },
  { method: 'GET', path: '/policies/versions', roles: READ },
  { method: 'GET', path: '/policies/active', roles: READ },
  { method: 'GET', path: '/policies/publication', roles: READ },
  { method: 'GET', path: '/policies/diff', roles: READ },
  { method: 'GET', path: '/policies/versions/{id}', roles: READ },
  { method: 'PUT', path: '/policies/versions/{id}', roles: DPO },
  { method: 'POST', path: '/policies/versions/{id}/submit', roles: DPO },
  { method: 'POST', path: '/policies/versions/{id}/approve', roles: DPO },
  { method: 'POST', path: '/policies/versions/{id}/reject', roles: DPO },
  { method: 'POST', path: '/policies/versions/{id}/activate', roles: DPO },
  { method: 'POST', path: '/policies/versions/{id}/rollback', roles: DPO },
  { method: 'POST', path: '/policies/versions/{id}/simulate', roles: READ },
  { method: 'GET', path: '/cameras', roles: READ },
  { method: 'GET', path: '/cameras/{id}', roles: READ },
  { method: 'POST', path: '/cameras', roles: DPO },
  { method: 'POST', path: '/cameras/import', roles: DPO },
  { method: 'PUT', path: '/cameras/{id}', roles: DPO },
  { method: 'POST', path: '/cameras/{id}/retire', roles: DPO },
  { method: 'POST', path: '/authorisations', roles: DPO },
  { method: 'GET', path: '/authorisations', roles: READ },
  { method: 'GET', path: '/authorisations/register', roles: READ },
  { method: 'GET', path: '/authorisations/{id}', roles: READ },
  { method: 'POST', path: '/authorisations/{id}/revoke', roles: DPO },
  { method: 'POST', path: '/authorisations/{id}/uses', roles: DPO },
  { method: 'POST', path: '/users', roles: ADMIN },
  { method: 'GET', path: '/users', roles: ['admin', 'auditor'] },
  { method: 'POST', path: '/users/{id}/disable', roles: ADMIN },
  { method: 'POST', path: '/users/{id}/enable', roles: ADMIN },
  { method: 'POST', path: '/users/{id}/tokens', roles: ADMIN },
  { method: 'GET', path: '/users/{id}/tokens', roles: ['admin', 'auditor'] },
  { method: 'POST', path: '/tokens/{id}/revoke', roles: ADMIN },
  { method: 'GET', path: '/audit', roles: ['auditor', 'dpo', 'admin'] },
  { method: 'POST', path: '/auth/login', roles: ['dpo', 'auditor', 'admin'] },
];

const CASES = ENDPOINTS.flatMap((e) =>
  ROLES.map((role) => ({ ...e, role, allowed: e.roles.includes(role) })),
);

describe('policy-admin roles × endpoints', () => {
  const harness = new PolicyAdminHarness();
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    await harness.setUp();
    await harness.start();
    tokens.admin = harness.adminToken;
    for (const role of ['dpo', 'auditor', 'operator'] as const) {
      tokens[role] = (await harness.user(role, `Usuario ${role}`)).token;
    }
  });
  afterAll(() => harness.tearDown());

  // An id that exists nowhere: allowed calls end in 404/400, never in a change.
  const call = (e: { method: string; path: string }, token?: string) =>
    harness.call({
      token,
      method: e.method,
      path: e.path.replace('{id}', 'no-such-id'),
      ...(e.method === 'GET' ? {} : { body: {} }),
    });

  it('should list in OpenAPI exactly the endpoints of the table', async () => {
    const doc = await harness.call<{ paths: Record<string, Record<string, unknown>> }>({
      method: 'GET',
      path: '/docs/openapi.json',
    });
    const documented = Object.entries(doc.body.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();

    expect(documented).toEqual(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
  });

  it.each(CASES.filter((c) => c.allowed))('$method $path as $role: allowed', async (c) => {
    const response = await call(c, tokens[c.role]);

    expect([401, 403]).not.toContain(response.status);
  });

  it.each(CASES.filter((c) => !c.allowed))('$method $path as $role: 403', async (c) => {
    const response = await call(c, tokens[c.role]);

    expect(response).toMatchObject({ status: 403, body: { code: 'admin_forbidden' } });
  });

  it.each(ENDPOINTS)('$method $path without a valid token: 401', async (e) => {
    expect((await call(e)).status).toBe(401);
    expect((await call(e, 'tmz_not-a-real-token-at-all')).status).toBe(401);
  });

  it('should refuse writes with a read-only token and accept reads', async () => {
    const reader = await harness.user('dpo', 'DPO solo lectura', ['read']);

    expect(
      (await harness.call({ token: reader.token, method: 'GET', path: '/cameras' })).status,
    ).toBe(200);
    const write = await harness.call({
      token: reader.token,
      method: 'POST',
      path: '/cameras',
      body: {},
    });
    expect(write).toMatchObject({ status: 403, body: { code: 'admin_forbidden' } });
  });

  it('should refuse a revoked token and the token of a disabled user', async () => {
    const dpo = await harness.user('dpo', 'DPO temporal');
    const tokens = await harness.call<Array<{ tokenId: string }>>({
      token: harness.adminToken,
      method: 'GET',
      path: `/users/${dpo.userId}/tokens`,
    });
    await harness.call({
      token: harness.adminToken,
      method: 'POST',
      path: `/tokens/${tokens.body[0].tokenId}/revoke`,
      body: {},
    });
    expect((await harness.call({ token: dpo.token, method: 'GET', path: '/cameras' })).status).toBe(
      401,
    );

    const other = await harness.user('auditor', 'Auditor temporal');
    await harness.call({
      token: harness.adminToken,
      method: 'POST',
      path: `/users/${other.userId}/disable`,
      body: {},
    });
    expect(
      (await harness.call({ token: other.token, method: 'GET', path: '/cameras' })).status,
    ).toBe(401);
  });
});
