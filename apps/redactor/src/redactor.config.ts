import { loadConfig, parsers, type EnvSchema } from '@lib/common';
import { EVIDENCE_ENV, type EvidenceConfig } from '@lib/evidence';
import { kafkaEnv, type KafkaEnvConfig } from '@lib/kafka';

export interface RedactorConfig extends KafkaEnvConfig, EvidenceConfig {
  groupId: string;
}

export const REDACTOR_ENV: EnvSchema<RedactorConfig> = {
  ...kafkaEnv({ clientId: 'tamiz-redactor' }),
  ...EVIDENCE_ENV,
  groupId: {
    env: 'TAMIZ_REDACTOR_GROUP_ID',
    default: 'tamiz-redactor',
    description: 'consumer group of the snapshot redactors',
    parse: parsers.topicPrefix,
  },
};

export function loadRedactorConfig(env: NodeJS.ProcessEnv): RedactorConfig {
  return loadConfig(REDACTOR_ENV, env);
}
