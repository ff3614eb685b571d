import type { ProducerConfig, Transaction } from 'kafkajs';
import { PartitionLane, splitBySize, type LaneKafka, type LaneTransaction } from './partition-lane';

/** A broker stand-in that records what each transactional producer did, in order. */
class FakeKafka implements LaneKafka {
  readonly log: string[] = [];
  /** Errors the next sends will throw, consumed in order. */
  readonly sendFailures: Error[] = [];
  readonly offsetFailures: Error[] = [];
  private created = 0;

  producer(config: ProducerConfig) {
    const id = config.transactionalId ?? 'none';
    const producer = `${id}#${++this.created}`;
    const log = (line: string) => {
      this.log.push(`${producer} ${line}`);
    };
    const { sendFailures, offsetFailures } = this;
    return {
      connect: async () => log('connect'),
      disconnect: async () => log('disconnect'),
      transaction: async (): Promise<Transaction> => {
        let active = true;
        log('begin');
        return {
          sendBatch: async ({ topicMessages }) => {
            const failure = sendFailures.shift();
            if (failure) {
              throw failure;
            }
            log(`send ${topicMessages?.map((t) => t.messages.length).join('+')}`);
            return [];
          },
          send: () => Promise.reject(new Error('not used')),
          sendOffsets: async ({ topics }) => {
            const failure = offsetFailures.shift();
            if (failure) {
              throw failure;
            }
            log(`offsets ${topics[0].partitions[0].offset}`);
          },
          commit: async () => {
            active = false;
            log('commit');
          },
          abort: async () => {
            active = false;
            log('abort');
          },
          isActive: () => active,
        };
      },
    };
  }
}

const concurrent = Object.assign(new Error('CONCURRENT_TRANSACTIONS'), {
  type: 'CONCURRENT_TRANSACTIONS',
});

function newLane(kafka: FakeKafka, limits: { perTxn?: number; queued?: number } = {}) {
  return new PartitionLane({
    kafka,
    baseTransactionalId: 'g.raw.3',
    consumerGroupId: 'g',
    topic: 'raw',
    partition: 3,
    maxRecordsPerTransaction: limits.perTxn,
    maxQueuedRecords: limits.queued,
  });
}

/** A chunk of two input records with two outputs. */
function txn(nextOffset: string, events: string[]): LaneTransaction {
  return {
    topicMessages: [{ topic: 'out', messages: [{ value: 'a' }, { value: 'b' }] }],
    nextOffset,
    records: 2,
    onCommit: () => events.push(`committed ${nextOffset}`),
    onFailure: () => events.push(`failed ${nextOffset}`),
  };
}

/** Queues one chunk alone and waits for its transaction to end. */
async function commitAlone(lane: PartitionLane, chunk: LaneTransaction): Promise<void> {
  lane.enqueue(chunk);
  await lane.settle();
}

describe(PartitionLane.name, () => {
  it('should use its two transactional ids in turn, one transaction at a time', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    const events: string[] = [];
    await commitAlone(lane, txn('10', events));
    await commitAlone(lane, txn('20', events));
    await commitAlone(lane, txn('30', events));
    expect(events).toEqual(['committed 10', 'committed 20', 'committed 30']);
    expect(kafka.log.filter((l) => l.endsWith('commit'))).toEqual([
      'g.raw.3#1 commit',
      'g.raw.3.b#2 commit',
      'g.raw.3#1 commit',
    ]);
    expect(kafka.log).toContain('g.raw.3.b#2 offsets 20');
  });

  it('should abort, discard the producer and report once when a send fails', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    const events: string[] = [];
    kafka.sendFailures.push(new Error('broker gone'));
    await commitAlone(lane, txn('10', events));
    expect(events).toEqual(['failed 10']);
    expect(kafka.log.slice(-2)).toEqual(['g.raw.3#1 abort', 'g.raw.3#1 disconnect']);
    // the id gets a fresh producer on its next turn
    await commitAlone(lane, txn('10', events));
    await commitAlone(lane, txn('20', events));
    expect(kafka.log).toContain('g.raw.3#3 commit');
  });

  it('should retry the offsets while the coordinator answers CONCURRENT_TRANSACTIONS', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    const events: string[] = [];
    kafka.offsetFailures.push(concurrent, concurrent);
    await commitAlone(lane, txn('10', events));
    expect(events).toEqual(['committed 10']);
  });

  it('should not retry the offsets on any other error', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    const events: string[] = [];
    kafka.offsetFailures.push(new Error('fenced'));
    await commitAlone(lane, txn('10', events));
    expect(events).toEqual(['failed 10']);
    expect(kafka.log).not.toContain('g.raw.3#1 commit');
  });

  it('should initialise both ids with fresh producers when fencing', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    await commitAlone(lane, txn('10', []));
    await lane.fence();
    expect(kafka.log).toEqual(
      expect.arrayContaining([
        'g.raw.3#1 disconnect',
        'g.raw.3#2 begin',
        'g.raw.3#2 abort',
        'g.raw.3.b#3 begin',
        'g.raw.3.b#3 abort',
      ]),
    );
  });

  it('should fence one rebalance after the other, never two at once', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    await Promise.all([lane.fence(), lane.fence()]);
    // the second fencing disconnects the first one's producers only once they are initialised
    const order = kafka.log.filter((l) => l.startsWith('g.raw.3#'));
    expect(order).toEqual([
      'g.raw.3#1 connect',
      'g.raw.3#1 begin',
      'g.raw.3#1 abort',
      'g.raw.3#1 disconnect',
      'g.raw.3#3 connect',
      'g.raw.3#3 begin',
      'g.raw.3#3 abort',
    ]);
  });

  it('should let settle() wait for the transaction in flight and everything queued', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    const events: string[] = [];
    lane.enqueue(txn('10', events));
    lane.enqueue(txn('20', events));
    await lane.settle();
    expect(events).toEqual(['committed 10', 'committed 20']);
  });

  it('should merge the chunks queued behind a transaction in flight, up to its size', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka, { perTxn: 4, queued: 100 });
    const events: string[] = [];
    for (const offset of ['10', '20', '30', '40']) {
      lane.enqueue(txn(offset, events));
    }
    await lane.settle();
    // 10 alone (the queue was empty), then 20 and 30 together (4 records), then 40
    expect(kafka.log.filter((l) => / (send|offsets) /.test(l))).toEqual([
      'g.raw.3#1 send 2',
      'g.raw.3#1 offsets 10',
      'g.raw.3.b#2 send 4',
      'g.raw.3.b#2 offsets 30',
      'g.raw.3#1 send 2',
      'g.raw.3#1 offsets 40',
    ]);
    expect(events).toEqual(['committed 10', 'committed 20', 'committed 30', 'committed 40']);
  });

  it('should drop what was queued behind a failed transaction and report the failure once', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    const events: string[] = [];
    kafka.sendFailures.push(new Error('broker gone'));
    lane.enqueue(txn('10', events));
    lane.enqueue(txn('20', events));
    lane.enqueue(txn('30', events));
    await lane.settle();
    // re-reading from the first chunk covers the rest: nothing after it may commit
    expect(events).toEqual(['failed 10']);
    expect(kafka.log.filter((l) => l.endsWith('commit'))).toEqual([]);
  });

  it('should make room() wait while the queue is full', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka, { perTxn: 2, queued: 4 });
    const events: string[] = [];
    lane.enqueue(txn('10', events)); // in flight at once
    lane.enqueue(txn('20', events));
    await expect(lane.room()).resolves.toBeUndefined();
    lane.enqueue(txn('30', events)); // 4 records queued: full
    let roomy = false;
    const room = lane.room().then(() => (roomy = true));
    expect(roomy).toBe(false);
    await room;
    expect(events[0]).toBe('committed 10');
  });

  it('should drop the queue when fencing after a rebalance', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    const events: string[] = [];
    lane.enqueue(txn('10', events));
    lane.enqueue(txn('20', events));
    await lane.fence();
    // 10 was in flight and ends; 20 would commit records the new claim re-reads
    expect(events).toEqual(['committed 10']);
  });

  describe('handling stage (submit)', () => {
    /** A chunk whose handling ends when the test says so. */
    function heldChunk(nextOffset: string, events: string[]) {
      let release: (txn: LaneTransaction | null) => void = () => undefined;
      const handled = new Promise<LaneTransaction | null>((resolve) => (release = resolve));
      return {
        chunk: {
          records: 2,
          handle: () => {
            events.push(`handling ${nextOffset}`);
            return handled;
          },
        },
        finish: () => release(txn(nextOffset, events)),
        fail: () => release(null),
      };
    }

    it('should handle chunks one at a time, in order, and commit what they became', async () => {
      const kafka = new FakeKafka();
      const lane = newLane(kafka);
      const events: string[] = [];
      const a = heldChunk('10', events);
      const b = heldChunk('20', events);
      lane.submit(a.chunk);
      lane.submit(b.chunk);
      await Promise.resolve();
      // b waits for a, even though a is slow
      expect(events).toEqual(['handling 10']);
      a.finish();
      b.finish();
      await lane.settle();
      expect(events).toEqual(['handling 10', 'handling 20', 'committed 10', 'committed 20']);
    });

    it('should count chunks being handled towards room()', async () => {
      const kafka = new FakeKafka();
      const lane = newLane(kafka, { perTxn: 2, queued: 4 });
      const events: string[] = [];
      const a = heldChunk('10', events);
      const b = heldChunk('20', events);
      lane.submit(a.chunk);
      lane.submit(b.chunk); // 4 records being handled: full
      let roomy = false;
      const room = lane.room().then(() => (roomy = true));
      await new Promise((resolve) => setImmediate(resolve));
      expect(roomy).toBe(false);
      a.finish();
      b.finish();
      await room;
      await lane.settle();
      expect(events).toContain('committed 20');
    });

    it('should drop the chunks submitted before a rewind, handled or not', async () => {
      const kafka = new FakeKafka();
      const lane = newLane(kafka);
      const events: string[] = [];
      const a = heldChunk('10', events);
      const b = heldChunk('20', events);
      const c = heldChunk('30', events);
      lane.submit(a.chunk);
      lane.submit(b.chunk);
      await Promise.resolve();
      // a's handling failed: the caller rewinds and re-reads from a's first record
      lane.rewind();
      a.fail();
      lane.submit(c.chunk); // re-read after the rewind
      c.finish();
      await lane.settle();
      // b was never handled, a was never queued, c (after the rewind) commits
      expect(events).toEqual(['handling 10', 'handling 30', 'committed 30']);
    });

    it('should not queue a chunk whose handling ends after a failed transaction', async () => {
      const kafka = new FakeKafka();
      const lane = newLane(kafka);
      const events: string[] = [];
      kafka.sendFailures.push(new Error('broker gone'));
      lane.enqueue(txn('10', events)); // fails
      const b = heldChunk('20', events);
      lane.submit(b.chunk);
      await new Promise((resolve) => setTimeout(resolve, 300)); // past the failure's back-off
      b.finish();
      await lane.settle();
      expect(events).toEqual(['handling 20', 'failed 10']);
      expect(kafka.log.filter((l) => l.endsWith('commit'))).toEqual([]);
    });

    it('should let settle() wait for chunks still being handled', async () => {
      const kafka = new FakeKafka();
      const lane = newLane(kafka);
      const events: string[] = [];
      const a = heldChunk('10', events);
      lane.submit(a.chunk);
      const settled = lane.settle().then(() => events.push('settled'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(events).toEqual(['handling 10']);
      a.finish();
      await settled;
      expect(events).toEqual(['handling 10', 'committed 10', 'settled']);
    });
  });

  describe(splitBySize.name, () => {
    const record = (value: string) => ({ key: 'k', value, headers: { h: 'v' } });

    it('should keep everything in one part when it fits', () => {
      const outputs = [
        { topic: 'a', messages: [record('1234'), record('5678')] },
        { topic: 'b', messages: [record('9')] },
      ];
      expect(splitBySize(outputs, 1_000)).toEqual([outputs]);
    });

    it('should cut parts at the byte limit, keeping each topic in order', () => {
      // each record: key 1 + value 6 + header 2 = 9 bytes
      const outputs = [
        { topic: 'a', messages: ['a1----', 'a2----', 'a3----'].map(record) },
        { topic: 'b', messages: ['b1----', 'b2----'].map(record) },
      ];
      const parts = splitBySize(outputs, 20);
      expect(
        parts.map((part) =>
          part.map(
            (t) => `${t.topic}:${t.messages.map((m) => String(m.value).slice(0, 2)).join(',')}`,
          ),
        ),
      ).toEqual([['a:a1,a2'], ['a:a3', 'b:b1'], ['b:b2']]);
    });

    it('should send a record larger than the limit alone', () => {
      const big = record('x'.repeat(50));
      const parts = splitBySize([{ topic: 'a', messages: [record('1'), big, record('2')] }], 20);
      expect(parts.map((part) => part[0].messages.length)).toEqual([1, 1, 1]);
    });

    it('should send a merged transaction in several requests, all before the commit', async () => {
      const kafka = new FakeKafka();
      const lane = newLane(kafka);
      const events: string[] = [];
      const value = Buffer.alloc(200 * 1024);
      lane.enqueue({
        topicMessages: [{ topic: 'out', messages: [{ value }, { value }, { value }] }],
        nextOffset: '10',
        records: 3,
        onCommit: () => events.push('committed'),
        onFailure: () => events.push('failed'),
      });
      await lane.settle();
      // 600 KiB: two requests of at most 512 KiB
      expect(kafka.log.filter((l) => / (send|commit)/.test(l))).toEqual([
        'g.raw.3#1 send 2',
        'g.raw.3#1 send 1',
        'g.raw.3#1 commit',
      ]);
      expect(events).toEqual(['committed']);
    });
  });
});
