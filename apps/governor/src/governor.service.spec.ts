import type { CameraRecord } from '@lib/contracts';
import { fixedClock } from '@lib/common';
import { hkdfKeyring } from '@lib/redaction';
import {
  compilePolicy,
  parsePolicyText,
  serializeAlert,
  serializeDecision,
  type PolicyEvaluator,
} from '@lib/policy';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DetectionEventFactory } from '../../../test/factories/detection-event.factory';
import type { CameraRegistryService } from './camera-registry.service';
import { loadGovernorConfig } from './governor.config';
import { GovernorService } from './governor.service';
import { pointAtRedactedSnapshot } from './redacted-snapshot.util';
import type { PolicyHolderService } from './policy-holder.service';

const TEMPLATE = join(__dirname, '..', '..', '..', 'policies', 'pe-municipal.policy.yaml');
const camera: CameraRecord = {
  cameraId: 'cam-si-001',
  name: 'Av. Javier Prado',
  district: 'San Isidro',
  siteId: 'si-javier-prado',
  zoneType: 'via-publica',
  allowedPurposes: ['delito-en-flagrancia', 'vehiculo-requisitoriado'],
};

describe(GovernorService.name, () => {
  const policy: PolicyEvaluator = compilePolicy(
    parsePolicyText(readFileSync(TEMPLATE, 'utf8'), 'yaml'),
    { keyring: hkdfKeyring(Buffer.alloc(32, 3)) },
  );
  const sut = new GovernorService(
    loadGovernorConfig({ KAFKA_BROKERS: '127.0.0.1:9092' }),
    fixedClock('2026-03-14T08:00:00Z'),
    { snapshot: () => new Map([[camera.cameraId, camera]]) } as unknown as CameraRegistryService,
    {
      inForce: () => ({ evaluator: policy, policy, document: null, authorisations: null }),
    } as PolicyHolderService,
  );

  it('should publish the canonical bytes of the decision and of each alert', async () => {
    const event = DetectionEventFactory.lpr({
      cameraId: 'cam-si-001',
      analyticType: 'plate-watchlist-hit',
    });
    const { records } = await sut.govern({
      topic: 'tamiz.detections.raw',
      partition: 0,
      records: [
        {
          topic: 'tamiz.detections.raw',
          partition: 0,
          offset: '7',
          key: null,
          value: DetectionEventFactory.toBytes(event),
          timestamp: '0',
          headers: {},
        },
      ],
    });
    const { decision, alerts } = policy.evaluate({ event: event.data, camera });
    expect(alerts).toHaveLength(1);
    pointAtRedactedSnapshot(alerts[0]);
    expect(alerts[0].data.snapshot?.ref).toBe(`tamiz-redacted:${alerts[0].alertId}.jpg`);
    expect(records.map((r) => [r.topic, r.key, r.value])).toEqual([
      ['alerts.lawful.v1', 'cam-si-001', serializeAlert(alerts[0])],
      ['decisions.v1', 'cam-si-001', serializeDecision(decision)],
    ]);
  });
});
