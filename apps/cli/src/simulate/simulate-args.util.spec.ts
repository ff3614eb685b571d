import { parseSimulateArgs } from './simulate-args.util';

describe('parseSimulateArgs', () => {
  it('applies defaults', () => {
    expect(parseSimulateArgs([])).toMatchObject({
      ok: true,
      args: {
        cameras: 8,
        rate: 20,
        count: 0,
        seed: 1,
        snapshotShare: 0.1,
        kafka: true,
        mqttUrl: null,
      },
    });
  });

  it('reads every option', () => {
    const parsed = parseSimulateArgs([
      '--cameras',
      '3',
      '--rate',
      '50',
      '--count',
      '100',
      '--seed',
      '7',
      '--formats',
      'frigate-events,hikvision-xml',
      '--snapshots',
      '0.5',
      '--malformed',
      '0',
      '--mqtt',
      'mqtt://127.0.0.1:1883',
      '--ingest',
      'http://127.0.0.1:3100',
      '--kafka',
      'no',
    ]);
    expect(parsed).toEqual({
      ok: true,
      args: {
        cameras: 3,
        rate: 50,
        count: 100,
        seed: 7,
        formats: ['frigate-events', 'hikvision-xml'],
        snapshotShare: 0.5,
        malformedShare: 0,
        mqttUrl: 'mqtt://127.0.0.1:1883',
        ingestUrl: 'http://127.0.0.1:3100',
        kafka: false,
      },
    });
  });

  it.each([
    [['--rate', '0'], /--rate/],
    [['--formats', 'dahua'], /dahua/],
    [['--snapshots', '2'], /--snapshots/],
    [['--kafka', 'maybe'], /--kafka/],
    [['--bogus', '1'], /--bogus/],
    [['--rate'], /--rate/],
  ])('refuses %p', (argv, message) => {
    const parsed = parseSimulateArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).toMatch(message);
  });
});
