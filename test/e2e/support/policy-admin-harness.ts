import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, type Clock } from '@lib/common';
import { runUsersCreate } from '../../../apps/cli/src/users-create.service';
import { startPolicyAdmin, type PolicyAdminHandle } from '../../../apps/policy-admin/src/main';
import type { PolicyPublisher } from '../../../apps/policy-admin/src/policies/policy-publisher.repository';
import { uniqueName } from '../../utils/kafka';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

/** A clock a test moves by hand (authorisation expiry, scheduled activations). */
export class ManualClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

/**
 * policy-admin in this process on a free port, over real HTTP, with its own SQLite file, topic
 * prefix and Ed25519 key pair. The first admin comes from `tamiz users create`, as in production.
 */
export class PolicyAdminHarness {
  dir = '';
  admin: PolicyAdminHandle | null = null;
  adminToken = '';
  readonly topicPrefix = `${uniqueName('admin')}.`;
  /** Stable across restarts, like a deployment's: uses are read on from the committed offsets. */
  readonly usesGroupId = uniqueName('admin-uses');
  readonly keyId = 'test-key-1';
  readonly keys = generateKeyPairSync('ed25519');

  get url(): string {
    if (!this.admin) {
      throw new Error('policy-admin is not running');
    }
    return this.admin.url;
  }

  get publicKey(): KeyObject {
    return this.keys.publicKey;
  }

  async setUp(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'tamiz-admin-e2e-'));
    const lines: string[] = [];
    const code = await runUsersCreate({
      role: 'admin',
      name: 'Admin Inicial',
      expiresInDays: 1,
      env: { TAMIZ_SQLITE_PATH: this.sqlitePath },
      output: { out: (l) => lines.push(l), err: () => undefined },
    });
    if (code !== 0) {
      throw new Error(`tamiz users create exited ${code}`);
    }
    this.adminToken = (lines.find((l) => l.startsWith('token: ')) ?? '').slice('token: '.length);
  }

  get sqlitePath(): string {
    return join(this.dir, 'admin.sqlite');
  }

  async start(
    args: {
      brokers?: string;
      clock?: Clock;
      env?: NodeJS.ProcessEnv;
      /** Replaces the Kafka publisher (a broker that acknowledges late or not at all). */
      publisher?: PolicyPublisher;
    } = {},
  ): Promise<void> {
    this.admin = await startPolicyAdmin({
      env: {
        TAMIZ_ADMIN_HTTP_PORT: '0',
        TAMIZ_SQLITE_PATH: this.sqlitePath,
        KAFKA_BROKERS: args.brokers ?? '127.0.0.1:1',
        TAMIZ_TOPIC_PREFIX: this.topicPrefix,
        TAMIZ_POLICY_SIGNING_KEY: this.keys.privateKey
          .export({ type: 'pkcs8', format: 'pem' })
          .toString(),
        TAMIZ_POLICY_SIGNING_KEY_ID: this.keyId,
        TAMIZ_ADMIN_PUBLISH_TIMEOUT_MS: '4000',
        TAMIZ_ADMIN_USES_GROUP_ID: this.usesGroupId,
        ...args.env,
      },
      clock: args.clock,
      logger: silentLogger,
      publisher: args.publisher,
    });
  }

  async stop(): Promise<void> {
    await this.admin?.close();
    this.admin = null;
  }

  async tearDown(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  async call<T = Record<string, unknown>>(args: {
    token?: string;
    method: string;
    path: string;
    body?: unknown;
    contentType?: string;
    headers?: Record<string, string>;
  }): Promise<ApiResponse<T>> {
    const raw = typeof args.body === 'string' ? args.body : undefined;
    const response = await fetch(`${this.url}${args.path}`, {
      method: args.method,
      headers: {
        ...(args.token ? { authorization: `Bearer ${args.token}` } : {}),
        ...(args.body !== undefined
          ? { 'content-type': args.contentType ?? 'application/json' }
          : {}),
        ...args.headers,
      },
      body: args.body === undefined ? undefined : (raw ?? JSON.stringify(args.body)),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // HTML (docs) or an empty body stays text
    }
    return { status: response.status, body: body as T };
  }

  /** Creates a user through the API (as the admin) and issues it a token. */
  async user(
    role: string,
    displayName: string,
    scopes?: string[],
  ): Promise<{ userId: string; token: string }> {
    const created = await this.call<{ userId: string }>({
      token: this.adminToken,
      method: 'POST',
      path: '/users',
      body: { displayName, role },
    });
    if (created.status !== 201) {
      throw new Error(`user create: ${created.status} ${JSON.stringify(created.body)}`);
    }
    const issued = await this.call<{ token: string }>({
      token: this.adminToken,
      method: 'POST',
      path: `/users/${created.body.userId}/tokens`,
      body: scopes ? { scopes } : {},
    });
    return { userId: created.body.userId, token: issued.body.token };
  }
}

export async function readPolicyFixture(name: string): Promise<string> {
  return readFile(join(__dirname, '..', '..', '..', 'policies', name), 'utf8');
}
