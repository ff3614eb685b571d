import {
  DetectionEventFactory,
  resetFactoryIds,
} from '../../../../../test/factories/detection-event.factory';
import { peCamera, pePolicyDoc } from '../../../test/v2/pe-policy.fixture';
import { evaluatePe, reasonCodes } from '../../../test/v2/scenario-v2';

describe('evaluate v2: a red-light offence at a camera tagged semaforo', () => {
  beforeEach(() => resetFactoryIds());

  // infracciones-transito: cameras tagged semaforo, `when: event.confidence >= 0.7`,
  // the plate masked to its last three characters
  const redLight = (confidence = 0.9) =>
    DetectionEventFactory.lpr({ cameraId: 'cam-si-001', analyticType: 'red-light', confidence })
      .data;

  it('should forward the masked plate and the vehicle type and colour only', () => {
    const { alerts, bytes } = evaluatePe(redLight());
    expect(alerts.map((a) => a.purpose)).toEqual(['infracciones-transito']);
    expect(alerts[0].data.identifiers).toEqual({ plate: { value: '****451' } });
    expect(alerts[0].data.attributes).toEqual({ vehicle: { color: 'white', type: 'car' } });
    expect(bytes.join('')).not.toContain('TST-451');
  });

  it('should suppress when the CEL condition is false', () => {
    expect(reasonCodes(evaluatePe(redLight(0.65)))).toEqual(['purpose.condition_false']);
  });

  it('should suppress at a camera without the tag', () => {
    const camera = { ...peCamera('cam-si-001'), tags: ['centro'] };
    expect(reasonCodes(evaluatePe(redLight(), { camera }))).toEqual(['purpose.camera_selector']);
  });

  it('should suppress at a camera whose registry entry stores no tags', () => {
    const { tags: _tags, ...camera } = peCamera('cam-si-001');
    expect(reasonCodes(evaluatePe(redLight(), { camera }))).toEqual(['purpose.camera_selector']);
  });

  it('should fail closed when the condition cannot be evaluated on the event', () => {
    const doc = pePolicyDoc();
    doc.purposes[7].when = 'event.attributes.vehicle.speed > 50.0';
    expect(reasonCodes(evaluatePe(redLight(), { doc }))).toEqual(['purpose.condition_error']);
  });
});
