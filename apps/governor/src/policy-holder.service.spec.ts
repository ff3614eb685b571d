import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, fixedClock, silentLogger } from '@lib/common';
import {
  AUTHORISATION_REGISTER_TYPE,
  type AuthorisationRegisterV1,
  type RegisteredAuthorisationV1,
} from '@lib/contracts';
import { DetectionEventFactory } from '../../../test/factories/detection-event.factory';
import { peCamera, pePolicyDoc } from '../../../libs/policy/test/v2/pe-policy.fixture';
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
    expect(service.inForce().evaluator.policy?.id).toBe('holder-test');
  });

  it('should load a policy without pseudonyms and without a secret', async () => {
    const service = holder({ TAMIZ_POLICY_FILE: plain });
    await service.onModuleInit();
    expect(service.isLoaded()).toBe(true);
  });
});

describe(`${PolicyHolderService.name} with a register of authorisations`, () => {
  const doc = pePolicyDoc();
  delete doc.authorisations;
  const file = join(DIR, 'pe-without-authorisations.json');
  writeFileSync(file, JSON.stringify(doc));
  const entry: RegisteredAuthorisationV1 = {
    id: '0b6f3c1e-8d7a-4f7e-9a51-2d4c6e8f0a11',
    purposes: ['identificacion-facial-autorizada'],
    scope: { watchlists: ['requisitoria'], cameras: ['cam-si-001'] },
    validFrom: '2026-03-10T05:00:00.000Z',
    validUntil: '2026-03-20T05:00:00.000Z',
  };
  // verified upstream (the feed); the holder only orders registers by sequence
  const register = (sequence: number, authorisations = [entry]): AuthorisationRegisterV1 => ({
    schema: AUTHORISATION_REGISTER_TYPE,
    sequence,
    authorisations,
    signature: { alg: 'Ed25519', keyId: 'k1', value: 'AAAA' },
  });
  const event = DetectionEventFactory.faceMatch({
    cameraId: 'cam-si-001',
    occurredAt: '2026-03-14T15:00:00.000Z',
  }).data;
  const verdict = (service: PolicyHolderService) =>
    service.inForce().evaluator.evaluate({ event, camera: peCamera('cam-si-001') }).decision
      .verdict;

  async function loaded(): Promise<PolicyHolderService> {
    const service = holder({ TAMIZ_POLICY_FILE: file, TAMIZ_PSEUDONYM_SECRET: 'ab'.repeat(32) });
    await service.onModuleInit();
    return service;
  }

  it('should decide with the register once applied, and report it', async () => {
    const service = await loaded();
    const before = verdict(service);

    expect(service.applyAuthorisations(register(1))).toBe(true);

    expect(before).toBe('suppress');
    expect(verdict(service)).toBe('forward');
    expect(service.status().authorisations).toEqual({
      sequence: 1,
      count: 1,
      rejectedRegisters: 0,
    });
  });

  it('should ignore a register not newer than the one in force', async () => {
    const service = await loaded();
    service.applyAuthorisations(register(2));

    expect(service.applyAuthorisations(register(2, []))).toBe(false);
    expect(service.applyAuthorisations(register(1, []))).toBe(false);
    expect(verdict(service)).toBe('forward');
    expect(service.applyAuthorisations(register(3, []))).toBe(true);
    expect(verdict(service)).toBe('suppress');
  });

  it('should keep the register in force across a new policy', async () => {
    const service = await loaded();
    service.applyAuthorisations(register(1));
    const next = { ...doc, metadata: { ...doc.metadata, version: '2' } };

    service.activate(service.compile(next), { source: 'bundle', sequence: 1 });

    expect(service.status()).toMatchObject({ policy: { version: '2' }, sequence: 1 });
    expect(verdict(service)).toBe('forward');
  });

  it('should count refused registers', async () => {
    const service = await loaded();
    service.noteRejectedRegister();

    expect(service.status().authorisations.rejectedRegisters).toBe(1);
  });
});
