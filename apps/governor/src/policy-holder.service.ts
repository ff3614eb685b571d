import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  compilePolicy,
  noPolicyEvaluator,
  parsePolicyText,
  type PolicyEvaluator,
} from '@lib/policy';
import type { JsonLogger } from '@lib/common';
import type { GovernorConfig } from './governor.config';
import { GOVERNOR_CONFIG, LOGGER } from './tokens';

/**
 * Holds the policy the governor decides with. Until one is loaded it holds the fail-closed
 * evaluator, which suppresses everything and says why.
 */
@Injectable()
export class PolicyHolderService implements OnModuleInit {
  private evaluator: PolicyEvaluator = noPolicyEvaluator();

  constructor(
    @Inject(GOVERNOR_CONFIG) private readonly config: GovernorConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
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
    this.evaluator = compilePolicy(parsePolicyText(text, format));
    const ref = this.evaluator.policy;
    this.logger.event('info', 'policy loaded', {
      policyId: ref?.id,
      policyVersion: ref?.version,
      policyHash: ref?.hash,
    });
  }

  current(): PolicyEvaluator {
    return this.evaluator;
  }

  isLoaded(): boolean {
    return this.evaluator.policy !== null;
  }
}
