import type { ProducerConfig, Transaction } from 'kafkajs';
import { PartitionLane, type LaneKafka, type LaneTransaction } from './partition-lane';

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
});
