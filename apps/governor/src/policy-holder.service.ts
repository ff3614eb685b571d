import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  compilePolicy,
  noPolicyEvaluator,
  parsePolicyText,
  type PolicyEvaluator,
} from '@lib/policy';
import { CLOCK, type Clock, type JsonLogger } from '@lib/common';
import { policyKeyring } from './governance/policy-keyring';
import type { GovernorConfig } from './governor.config';
import { GOVERNOR_CONFIG, LOGGER } from './tokens';

/** Where the policy in force came from: the file at start, or a signed bundle (hot reload). */
export interface PolicyOrigin {
  source: 'none' | 'file' | 'bundle';
  /** The bundle's activation sequence; 0 for the file. */
  sequence: number;
}

export interface PolicyStatus extends PolicyOrigin {
  policy: { id: string; version: string; hash: string } | null;
  /** Bundles refused since start (bad signature, unknown key, invalid policy…): an alarm. */
  rejectedBundles: number;
}

/**
 * Holds the policy the governor decides with. Until one is loaded it holds the fail-closed
 * evaluator, which suppresses everything and says why. A batch takes `current()` once, so a
 * switch happens between batches, never inside one.
 */
@Injectable()
export class PolicyHolderService implements OnModuleInit {
  private evaluator: PolicyEvaluator = noPolicyEvaluator();
  private document: unknown = null;
  // the document each compiled evaluator came from: governance workers compile their own copy
  private readonly documents = new WeakMap<PolicyEvaluator, unknown>();
  private origin: PolicyOrigin = { source: 'none', sequence: 0 };
  private rejected = 0;

  constructor(
    @Inject(GOVERNOR_CONFIG) private readonly config: GovernorConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const file = this.config.policyFile;
    if (!file) {
      this.logger.event('warn', 'no policy file configured: every event will be suppressed');
      return;
    }
    // A policy that fails to load stops the process at start: running fail-closed silently
    // would look like a working deployment that forwards nothing.
    const text = await readFile(file, 'utf8');
    const format = extname(file) === '.json' ? 'json' : 'yaml';
    this.activate(this.compile(parsePolicyText(text, format)), { source: 'file', sequence: 0 });
  }

  /** Compiles a policy document with this governor's keyring and clock; throws if invalid. */
  compile(doc: unknown): PolicyEvaluator {
    const evaluator = compilePolicy(doc, {
      keyring: policyKeyring(doc, this.config.pseudonymSecret),
      now: () => this.clock.now(),
    });
    this.documents.set(evaluator, doc);
    return evaluator;
  }

  /**
   * Puts a policy from `compile` in force; a bundle must carry a higher sequence than the last one.
   */
  activate(evaluator: PolicyEvaluator, origin: PolicyOrigin): boolean {
    if (origin.source === 'bundle' && origin.sequence <= this.origin.sequence) {
      return false;
    }
    if (!this.documents.has(evaluator)) {
      throw new Error('activate() takes an evaluator made by compile()');
    }
    this.evaluator = evaluator;
    this.document = this.documents.get(evaluator);
    this.origin = origin;
    const ref = evaluator.policy;
    this.logger.event('info', 'policy loaded', {
      source: origin.source,
      sequence: origin.sequence,
      policyId: ref?.id,
      policyVersion: ref?.version,
      policyHash: ref?.hash,
    });
    return true;
  }

  /** Counts a refused bundle (the alarm is the error log and this counter in /health/policy). */
  noteRejected(): void {
    this.rejected += 1;
  }

  status(): PolicyStatus {
    const ref = this.evaluator.policy;
    return {
      ...this.origin,
      policy: ref ? { id: ref.id, version: ref.version, hash: ref.hash } : null,
      rejectedBundles: this.rejected,
    };
  }

  current(): PolicyEvaluator {
    return this.evaluator;
  }

  /** The policy in force and the document it was compiled from (null: none, fail closed). */
  inForce(): { evaluator: PolicyEvaluator; document: unknown } {
    return { evaluator: this.evaluator, document: this.document };
  }

  isLoaded(): boolean {
    return this.evaluator.policy !== null;
  }
}
