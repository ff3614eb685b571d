import { demoCameras, demoPolicyText } from '../test/demo-policy.fixture';
import { parsePolicyText } from './parse-policy-text';
import { validatePolicyV1 } from './validate-policy-v1';

// The demo files are golden inputs for the scenario specs and for `npm start`: keep them coherent.
describe('policies/demo', () => {
  const policy = validatePolicyV1(parsePolicyText(demoPolicyText(), 'yaml'));
  const purposeIds = policy.purposes.map((p) => p.id);
  const cameras = demoCameras();

  it('should declare the four demo purposes and no face identification', () => {
    expect(purposeIds).toEqual([
      'delito-en-flagrancia',
      'vehiculo-requisitoriado',
      'aforo-afluencia',
      'emergencias',
    ]);
    expect(policy.purposes.flatMap((p) => p.analytics)).not.toContain('face-match');
    expect(
      policy.purposes.flatMap((p) => p.fields).filter((f) => f.startsWith('identifiers.face')),
    ).toEqual([]);
  });

  it('should never list age, gender, geo or snapshots', () => {
    const fields = policy.purposes.flatMap((p) => p.fields);
    for (const banned of [
      'attributes.person',
      'attributes.person.age',
      'attributes.person.ageBand',
      'attributes.person.gender',
      'geo',
      'snapshot',
    ]) {
      expect(fields).not.toContain(banned);
    }
  });

  it('should register eight cameras with unique ids and known zone types', () => {
    expect(cameras).toHaveLength(8);
    expect(new Set(cameras.map((c) => c.cameraId)).size).toBe(8);
    for (const camera of cameras) {
      expect(['via-publica', 'parque', 'colegio-perimetro', 'mercado']).toContain(camera.zoneType);
      expect(['San Isidro', 'Miraflores']).toContain(camera.district);
    }
  });

  it('should let cameras serve only purposes the policy declares', () => {
    for (const camera of cameras) {
      for (const purpose of camera.allowedPurposes) {
        expect(purposeIds).toContain(purpose);
      }
    }
  });
});
