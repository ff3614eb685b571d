import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, fixedClock, silentLogger } from '@lib/common';
import { loadGovernorConfig } from './governor.config';
import { PolicyHolderService } from './policy-holder.service';

const DIR = mkdtempSync(join(tmpdir(), 'tamiz-policy-holder-'));

function policyFile(fields: Record<string, unknown>): string {
  const file = join(DIR, `p-${Object.keys(fields).join('-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'tamiz/v2',
      kind: 'Policy',
      metadata: {
        id: 'holder-test',
        version: '1',
        jurisdiction: 'EU',
        controller: 'Test',
        dpia: { id: 'D-1', date: '2026-01-01' },
      },
      retention: { metadata: 'PT72H', alerts: 'P30D' },
      purposes: [
        {
          id: 'delito-en-flagrancia',
          title: { es: 'Delito', en: 'Crime' },
          legalBasis: { kind: 'law', citation: 'DL 1218 art. 1' },
          analytics: ['fight'],
          humanReview: 'required',
          priority: 'high',
          recipients: ['central'],
          fields,
        },
      ],
    }),
  );
  return file;
}

function holder(env: Record<string, string>): PolicyHolderService {
  const config = loadGovernorConfig({ KAFKA_BROKERS: '127.0.0.1:9092', ...env });
  return new PolicyHolderService(config, silentLogger, fixedClock('2026-03-14T08:00:00Z'));
}

describe(PolicyHolderService.name, () => {
  const pseudonymising = policyFile({ zone: 'keep', trackId: { pseudonymize: { rotate: 'P1D' } } });
  const plain = policyFile({ zone: 'keep' });

  it('should stop at start, naming the key, when a pseudonymising policy has no secret', async () => {
    const service = holder({ TAMIZ_POLICY_FILE: pseudonymising });
    await expect(service.onModuleInit()).rejects.toThrow(ConfigError);
    await expect(service.onModuleInit()).rejects.toThrow(/TAMIZ_PSEUDONYM_SECRET: required/);
    expect(service.isLoaded()).toBe(false);
  });

  it('should load a pseudonymising policy with the secret', async () => {
    const service = holder({
      TAMIZ_POLICY_FILE: pseudonymising,
      TAMIZ_PSEUDONYM_SECRET: 'ab'.repeat(32),
    });
    await service.onModuleInit();
    expect(service.current().policy?.id).toBe('holder-test');
  });

  it('should load a policy without pseudonyms and without a secret', async () => {
    const service = holder({ TAMIZ_POLICY_FILE: plain });
    await service.onModuleInit();
    expect(service.isLoaded()).toBe(true);
  });
});
