import { randomBytes } from 'node:crypto';
import type { Admin, Producer } from 'kafkajs';
import { readTopic, testKafka, uniqueName } from '../utils/kafka';

/** patches/kafkajs+2.2.4.patch, on the real broker where it matters (see patches/README.md). */

// kafkajs' record-batch checksum (CommonJS internals: no types)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const crc32C = require('kafkajs/src/protocol/recordBatch/crc32C/crc32C') as (b: Buffer) => number;

/** CRC-32C one bit at a time, straight from the definition (reflected polynomial 0x82F63B78). */
function crc32CByBits(buffer: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('kafkajs record-batch checksum (patched: eight bytes per step)', () => {
  it('should give the CRC-32C check value', () => {
    expect(crc32C(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('should agree with the bitwise definition at every length and alignment', () => {
    const data = randomBytes(4_096);
    for (let length = 0; length <= 64; length++) {
      for (const start of [0, 1, 3, 7]) {
        const slice = data.subarray(start, start + length);
        expect(crc32C(slice)).toBe(crc32CByBits(slice));
      }
    }
    expect(crc32C(data)).toBe(crc32CByBits(data));
  });
});

/**
 * A transactional producer looks its coordinators up once, not before every transactional
 * request: counted on the requests it sends, and checked on what its transactions committed.
 */
describe('kafkajs transactional producer (patched: coordinators kept)', () => {
  const kafka = testKafka('coordinators-spec');
  let admin: Admin;
  let producer: Producer;
  const topic = uniqueName('coordinators');
  const groupId = uniqueName('coordinators-group');
  const requests: string[] = [];

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    producer = kafka.producer({
      transactionalId: uniqueName('coordinators-txn'),
      idempotent: true,
      maxInFlightRequests: 1,
    });
    producer.on(producer.events.REQUEST, (e) => requests.push(e.payload.apiName));
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await admin.disconnect();
  });

  it('should look coordinators up for the first transaction only, and commit every one', async () => {
    const transactions = 6;
    const count = (api: string) => requests.filter((name) => name === api).length;
    let afterFirst = 0;
    for (let i = 0; i < transactions; i++) {
      const txn = await producer.transaction();
      await txn.send({ topic, messages: [{ key: 'k', value: `v${i}` }] });
      await txn.sendOffsets({
        consumerGroupId: groupId,
        topics: [{ topic, partitions: [{ partition: 0, offset: String(i + 1) }] }],
      });
      await txn.commit();
      if (i === 0) {
        afterFirst = count('GroupCoordinator');
      }
    }

    // FindCoordinator (kafkajs names it GroupCoordinator): unpatched kafkajs 2.2.4 sends one
    // before each AddPartitionsToTxn, AddOffsetsToTxn, TxnOffsetCommit and EndTxn
    expect(afterFirst).toBeGreaterThan(0);
    expect(count('GroupCoordinator')).toBe(afterFirst);
    expect(count('EndTxn')).toBe(transactions);
    expect(count('TxnOffsetCommit')).toBe(transactions);

    const read = await readTopic({ kafka, topic, expected: transactions, timeoutMs: 30_000 });
    const values = read.map((m) => m.value.toString());
    expect(values).toEqual(Array.from({ length: transactions }, (_, i) => `v${i}`));
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(offsets.partitions[0].offset).toBe(String(transactions));
  });
});
