import { valueAtPath } from './value-at-path.util';

describe(valueAtPath.name, () => {
  const data = {
    cameraId: 'cam-1',
    identifiers: { plate: { value: 'TST-451' }, faceMatch: null },
    attributes: { person: { carrying: ['mochila'] } },
  };

  it.each([
    ['cameraId', 'cam-1'],
    ['identifiers.plate.value', 'TST-451'],
    ['identifiers.plate', { value: 'TST-451' }],
    ['identifiers.faceMatch', null],
    ['attributes.person.carrying', ['mochila']],
  ])('should find %s', (path, value) => {
    expect(valueAtPath(data, path)).toEqual({ found: true, value });
  });

  it.each([
    'trackId',
    'identifiers.plate.country',
    'identifiers.faceMatch.subjectRef',
    'attributes.person.carrying.0',
    'cameraId.length',
    'constructor',
    'identifiers.constructor',
  ])('should report %s absent', (path) => {
    expect(valueAtPath(data, path)).toEqual({ found: false });
  });
});
