import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../../../test/factories/detection-event.factory';
import { evaluatePe, pathsOf } from '../../../test/v2/scenario-v2';

describe('evaluate v2: a vendor that sends ethnicity', () => {
  beforeEach(() => resetFactoryIds());

  const fight = () =>
    DetectionEventFactory.behaviour('fight', {
      cameraId: 'cam-mf-002',
      attributes: {
        person: {
          ethnicity: 'andino',
          // a vendor key inside a known group: the type allows no such key, vendors send it anyway
          clothing: { upper: { type: 'jacket', color: 'red', ...{ skin_tone: 'x' } } },
        },
      },
    }).data;
  const citation =
    'Reglamento (UE) 2024/1689 art. 5(1)(g); DS 115-2025-PCM art. 23; Ley 29733 art. 2.5';

  it('should drop it everywhere, even inside a subtree a purpose keeps whole', () => {
    const { alerts, bytes } = evaluatePe(fight());
    expect(alerts.map((a) => a.purpose)).toEqual([
      'delito-en-flagrancia',
      'estadistica-incidentes',
    ]);
    expect(alerts[0].data.attributes).toEqual({
      person: { clothing: { upper: { color: 'red', type: 'jacket' } } },
    });
    const [decision, ...alertBytes] = bytes;
    for (const text of alertBytes) {
      expect(text).not.toMatch(/andino|ethnicity|skin_tone/);
    }
    // the decision names the paths, never the values
    expect(decision).not.toContain('andino');
  });

  it('should record one vendor_violation finding per prohibited field, with the citation', () => {
    const { decision } = evaluatePe(fight());
    expect(decision.findings).toEqual([
      { code: 'vendor_violation', path: 'attributes.person.clothing.upper.skin_tone', citation },
      { code: 'vendor_violation', path: 'attributes.person.ethnicity', citation },
    ]);
    expect(decision.droppedPaths).toEqual(
      expect.arrayContaining([
        'attributes.person.clothing.upper.skin_tone',
        'attributes.person.ethnicity',
      ]),
    );
    expect(pathsOf(decision)).not.toContain('andino');
  });

  it('should record the finding on a suppressed event too', () => {
    const { decision } = evaluatePe(fight(), { camera: null });
    expect(decision.verdict).toBe('suppress');
    expect(decision.reasons.map((r) => r.code)).toEqual(['camera.unknown']);
    expect(decision.findings.map((f) => f.path)).toEqual([
      'attributes.person.clothing.upper.skin_tone',
      'attributes.person.ethnicity',
    ]);
  });
});
