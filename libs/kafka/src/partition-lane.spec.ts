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

function newLane(kafka: FakeKafka): PartitionLane {
  return new PartitionLane({
    kafka,
    baseTransactionalId: 'g.raw.3',
    consumerGroupId: 'g',
    topic: 'raw',
    partition: 3,
  });
}

function txn(nextOffset: string, events: string[]): LaneTransaction {
  return {
    topicMessages: [{ topic: 'out', messages: [{ value: 'a' }, { value: 'b' }] }],
    nextOffset,
    onCommit: () => events.push(`committed ${nextOffset}`),
    onFailure: () => events.push(`failed ${nextOffset}`),
  };
}

describe(PartitionLane.name, () => {
  it('should use its two transactional ids in turn, one transaction at a time', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    const events: string[] = [];
    await lane.start(txn('10', events));
    await lane.start(txn('20', events));
    await lane.start(txn('30', events));
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
    expect(await lane.start(txn('10', events))).toBe(false);
    expect(events).toEqual(['failed 10']);
    expect(kafka.log.slice(-2)).toEqual(['g.raw.3#1 abort', 'g.raw.3#1 disconnect']);
    // the id gets a fresh producer on its next turn
    await lane.start(txn('10', events));
    await lane.start(txn('20', events));
    expect(kafka.log).toContain('g.raw.3#3 commit');
  });

  it('should retry the offsets while the coordinator answers CONCURRENT_TRANSACTIONS', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    const events: string[] = [];
    kafka.offsetFailures.push(concurrent, concurrent);
    expect(await lane.start(txn('10', events))).toBe(true);
    expect(events).toEqual(['committed 10']);
  });

  it('should not retry the offsets on any other error', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    const events: string[] = [];
    kafka.offsetFailures.push(new Error('fenced'));
    expect(await lane.start(txn('10', events))).toBe(false);
    expect(events).toEqual(['failed 10']);
    expect(kafka.log).not.toContain('g.raw.3#1 commit');
  });

  it('should initialise both ids with fresh producers when fencing', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    await lane.start(txn('10', []));
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

  it('should let settle() wait for the transaction in flight', async () => {
    const kafka = new FakeKafka();
    const lane = newLane(kafka);
    const events: string[] = [];
    void lane.start(txn('10', events));
    await lane.settle();
    expect(events).toEqual(['committed 10']);
  });
});
