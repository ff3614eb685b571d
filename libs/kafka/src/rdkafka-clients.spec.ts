import type { KafkaConsumer, LibrdKafkaError } from '@confluentinc/kafka-javascript';
import { JsonLogger } from '@lib/common';
import { KafkaErrorCode } from './kafka.error';
import { CALL_DEADLINE_MS, call, disconnect, isStuck } from './rdkafka-clients';

type Done = (error: LibrdKafkaError | null, value?: number) => void;

const coordinatorNotAvailable = {
  message: 'Broker: Coordinator not available',
  code: 15,
  errno: 15,
  origin: 'kafka',
} as LibrdKafkaError;

describe('librdkafka calls', () => {
  afterEach(() => jest.useRealTimers());

  it('should resolve with what the call answers', async () => {
    await expect(call<number>('probe', (done) => setImmediate(() => done(null, 7)))).resolves.toBe(
      7,
    );
  });

  it("should reject with librdkafka's error as it is", async () => {
    const failing = call('commitTransaction', (done: Done) =>
      setImmediate(() => done(coordinatorNotAvailable)),
    );
    await expect(failing).rejects.toMatchObject({ code: 15 });
    expect(isStuck(await failing.catch((error: unknown) => error))).toBe(false);
  });

  it('should give up on a call that never answers, as stuck, and ignore a late answer', async () => {
    let answer: Done = () => undefined;
    const pending = call(
      'beginTransaction',
      (done: Done) => {
        answer = done;
      },
      20,
    );
    await expect(pending).rejects.toMatchObject({
      code: KafkaErrorCode.CallStuck,
      message: 'librdkafka beginTransaction did not answer within 20 ms',
    });
    expect(isStuck(await pending.catch((error: unknown) => error))).toBe(true);
    expect(() => answer(null)).not.toThrow();
  });

  it('should not wait for ever for a client that never finishes disconnecting', async () => {
    jest.useFakeTimers();
    const lines: string[] = [];
    const logger = new JsonLogger({ service: 'test', write: (line) => lines.push(line) });
    const hung = {
      isConnected: () => true,
      disconnect: () => undefined, // never calls back
    } as unknown as KafkaConsumer;
    let settled = false;
    const leaving = disconnect(hung, logger).then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(CALL_DEADLINE_MS - 1);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await leaving;
    expect(lines.join('\n')).toContain('librdkafka client left behind');
  });
});
