import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { CLOCK, type Clock, type JsonLogger } from '@lib/common';
import { topicName } from '@lib/contracts';
import { createKafka, readTopicRange } from '@lib/kafka';
import { AuthorisationRepository, CameraRepository } from '@lib/persistence';
import {
  ImpactSimulation,
  compilePolicy,
  noPolicyEvaluator,
  parsePolicyText,
  type ImpactReport,
  type PolicyEvaluator,
} from '@lib/policy';
import { hkdfKeyring } from '@lib/redaction';
import { AuditService } from '../audit/audit.service';
import { authorisationRegisterRecord } from '../authorisations/authorisation-register-record.util';
import type { Actor } from '../auth/roles.decorator';
import type { PolicyAdminConfig } from '../policy-admin.config';
import { ADMIN_CONFIG, LOGGER } from '../tokens';
import { PoliciesService } from './policies.service';

export interface ImpactResult extends ImpactReport {
  versionId: string;
  activeVersionId: string | null;
  hours: number;
  seconds: number;
  /** The register of authorisations both versions decided with: what the governors hold now. */
  register: { sequence: number; authorisations: number };
}

/**
 * What a candidate version would change: the raw detections of the last N hours, read back from
 * the raw topic by timestamp in a sandbox that emits nothing, decided under the candidate and
 * under the active version side by side, both with the register of authorisations in force (as
 * the governors decide: a purpose resting on an authorisation acts only within one). Pseudonyms
 * are keyed with a throwaway secret: the report holds counts, paths and codes, never values.
 */
@Injectable()
export class ImpactService {
  /**
   * A client of its own with the default retries: the publisher's client fails within seconds on
   * purpose (a DPO waits on activation), while a replay may meet a new consumer group's first
   * coordinator lookup and should wait it out.
   */
  private readonly kafka: Kafka;

  constructor(
    private readonly policies: PoliciesService,
    private readonly cameras: CameraRepository,
    private readonly authorisations: AuthorisationRepository,
    private readonly audit: AuditService,
    @Inject(ADMIN_CONFIG) private readonly config: PolicyAdminConfig,
    @Inject(LOGGER) logger: JsonLogger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.kafka = createKafka({
      connection: { brokers: config.brokers, clientId: `${config.clientId}-impact` },
      logger,
    });
  }

  async simulate(args: {
    actor: Actor;
    versionId: string;
    hours: number;
    sample?: number;
  }): Promise<ImpactResult> {
    const candidate = await this.policies.get(args.versionId);
    const active = await this.policies.active().catch(() => null);
    const registry = new Map((await this.cameras.findAll()).map((c) => [c.cameraId, c]));
    const register = authorisationRegisterRecord(await this.authorisations.registerState());
    const registered = register?.authorisations ?? [];
    const started = performance.now();
    const simulation = new ImpactSimulation({
      candidate: this.compile(candidate.content, candidate.format).withRegisteredAuthorisations(
        registered,
      ),
      active: (active
        ? this.compile(active.content, active.format)
        : noPolicyEvaluator()
      ).withRegisteredAuthorisations(registered),
      camera: (id) => registry.get(id) ?? null,
      sampleSize: args.sample ?? 20,
    });
    await readTopicRange({
      kafka: this.kafka,
      topic: topicName('detections.raw.v1', { prefix: this.config.topicPrefix }),
      sinceMs: this.clock.now().getTime() - args.hours * 3_600_000,
      onRecord: (value) => simulation.add(value),
    });
    const report = simulation.report();
    const seconds = (performance.now() - started) / 1000;
    await this.audit.record({
      actorId: args.actor.userId,
      action: 'policy.simulate',
      target: { type: 'policy_version', id: args.versionId },
      details: { hours: args.hours, events: report.events, changed: report.changed },
    });
    return {
      versionId: args.versionId,
      activeVersionId: active?.versionId ?? null,
      hours: args.hours,
      seconds: Math.round(seconds * 100) / 100,
      register: { sequence: register?.sequence ?? 0, authorisations: registered.length },
      ...report,
    };
  }

  private compile(content: string, format: 'yaml' | 'json'): PolicyEvaluator {
    return compilePolicy(parsePolicyText(content, format), {
      keyring: hkdfKeyring(randomBytes(32)),
    });
  }
}
