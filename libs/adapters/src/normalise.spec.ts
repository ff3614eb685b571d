import { ADAPTER_FORMATS, AdapterFormat, normalise } from '@lib/adapters';
import { validateDeadLetter, type DeadLetterRecordV1 } from '@lib/contracts';
import { fixtureCases, fixtureOptions } from '../test/fixture-cases';

describe(normalise.name, () => {
  it('should reject a payload over the size limit before reading it', () => {
    const payload = Buffer.alloc(2_048, 0x7b);
    const result = normalise(
      AdapterFormat.Frigate,
      { channel: 'frigate/events', payload },
      { maxBytes: 1_024 },
    );
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'too_large' })] });
  });

  it('should reject a format it does not know instead of crashing', () => {
    const result = normalise('dahua' as AdapterFormat, {
      channel: 'x',
      payload: Buffer.from('{}'),
    });
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'unsupported' })],
    });
  });

  it('should keep issue messages within the dead-letter limit', () => {
    // the XML validator quotes the unclosed tag name in its message
    const payload = Buffer.from(
      `<EventNotificationAlert><${'a'.repeat(5_000)}></b></EventNotificationAlert>`,
    );
    const result = normalise(AdapterFormat.Hikvision, { channel: '/isapi', payload });
    expect(result.ok).toBe(false);
    expect(
      !result.ok && Math.max(...result.issues.map((i) => i.message.length)),
    ).toBeLessThanOrEqual(1_024);
  });

  it('should not quote the payload, which may hold personal data, in a JSON issue', () => {
    const payload = Buffer.from('TEST451 is a plate, not JSON');
    const result = normalise(AdapterFormat.DeepStream, { channel: 'ds', payload });
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'invalid_json' })],
    });
    expect(JSON.stringify(result)).not.toContain('TEST451');
  });

  it.each(ADAPTER_FORMATS.map((format) => [format]))(
    'should give %s issues that a dead-letter record accepts',
    (format) => {
      const options = fixtureOptions(format);
      const records = fixtureCases(format, 'invalid').map((kase): DeadLetterRecordV1 => {
        const result = normalise(format, kase.input, options);
        return {
          schema: 'tamiz.dead-letter.v1',
          source: {
            topic: 'tamiz.ingress.raw',
            partition: 0,
            offset: '0',
            key: null,
            timestamp: '0',
          },
          originalBase64: kase.input.payload.toString('base64'),
          originalSize: kase.input.payload.length,
          errors: result.ok ? [] : result.issues,
          receivedAt: '2025-03-14T08:00:00.000Z',
        };
      });
      expect(records.length).toBeGreaterThan(0);
      expect(records.flatMap((record) => validateDeadLetter(record))).toEqual([]);
    },
  );
});
