import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  compilePolicy,
  noPolicyEvaluator,
  parsePolicyText,
  type PolicyEvaluator,
} from '@lib/policy';
import type { AuthorisationRegisterV1 } from '@lib/contracts';
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

export interface PolicyInForce {
  evaluator: PolicyEvaluator;
  policy: PolicyEvaluator;
  document: unknown;
  authorisations: AuthorisationRegisterV1['authorisations'] | null;
}

export interface PolicyStatus extends PolicyOrigin {
  policy: { id: string; version: string; hash: string } | null;
  /** Bundles refused since start (bad signature, unknown key, invalid policy…): an alarm. */
  rejectedBundles: number;
  /** policy-admin's register of authorisations in force beside the policy's own. */
  authorisations: {
    /** The register's sequence; 0 until one is read. */
    sequence: number;
    /** Authorisations it holds (revoked ones are absent, expired ones stay). */
    count: number;
    /** Registers refused since start (bad signature, unknown key, malformed): an alarm. */
    rejectedRegisters: number;
  };
}

/**
 * Holds the policy the governor decides with. Until one is loaded it holds the fail-closed
 * evaluator, which suppresses everything and says why. The evaluator in force is the policy
 * with policy-admin's register of authorisations merged in; a new policy or a new register swaps
 * it whole. A batch takes `inForce()` once, so a switch happens between batches, never inside one.
 */
@Injectable()
export class PolicyHolderService implements OnModuleInit {
  // the policy alone, as compiled; `evaluator` is it with the register merged in
  private policy: PolicyEvaluator = noPolicyEvaluator();
  private evaluator: PolicyEvaluator = this.policy;
  private document: unknown = null;
  // the document each compiled evaluator came from: governance workers compile their own copy
  private readonly documents = new WeakMap<PolicyEvaluator, unknown>();
  private origin: PolicyOrigin = { source: 'none', sequence: 0 };
  private rejected = 0;
  private register: Pick<AuthorisationRegisterV1, 'sequence' | 'authorisations'> | null = null;
  private rejectedRegisters = 0;

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
    this.policy = evaluator;
    this.document = this.documents.get(evaluator);
    this.evaluator = this.merged();
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

  /**
   * Puts a verified register of authorisations in force with the policy in force; only a higher
   * sequence than the last one. The policy's purposes are not compiled again.
   */
  applyAuthorisations(register: AuthorisationRegisterV1): boolean {
    if (register.sequence <= (this.register?.sequence ?? 0)) {
      return false;
    }
    this.register = { sequence: register.sequence, authorisations: register.authorisations };
    this.evaluator = this.merged();
    // ids and counts only: what a register holds is looked up in policy-admin
    this.logger.event('info', 'authorisation register loaded', {
      sequence: register.sequence,
      authorisations: register.authorisations.length,
      policyVersion: this.policy.policy?.version,
    });
    return true;
  }

  /** Counts a refused bundle (the alarm is the error log and this counter in /health/policy). */
  noteRejected(): void {
    this.rejected += 1;
  }

  /** Counts a refused register of authorisations (the alarm, as for bundles). */
  noteRejectedRegister(): void {
    this.rejectedRegisters += 1;
  }

  status(): PolicyStatus {
    const ref = this.evaluator.policy;
    return {
      ...this.origin,
      policy: ref ? { id: ref.id, version: ref.version, hash: ref.hash } : null,
      rejectedBundles: this.rejected,
      authorisations: {
        sequence: this.register?.sequence ?? 0,
        count: this.register?.authorisations.length ?? 0,
        rejectedRegisters: this.rejectedRegisters,
      },
    };
  }

  private merged(): PolicyEvaluator {
    return this.register === null
      ? this.policy
      : this.policy.withRegisteredAuthorisations(this.register.authorisations);
  }

  /**
   * What a batch is decided with: the evaluator in force, and what it was made of (the policy as
   * compiled, its document — null: none, fail closed — and the register merged in, if any), for
   * governance workers to make the same.
   */
  inForce(): PolicyInForce {
    return {
      evaluator: this.evaluator,
      policy: this.policy,
      document: this.document,
      authorisations: this.register?.authorisations ?? null,
    };
  }

  isLoaded(): boolean {
    return this.evaluator.policy !== null;
  }
}
