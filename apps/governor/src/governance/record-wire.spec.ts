import type { InboundRecord, OutboundRecord } from '@lib/kafka';
import { packInbound, packOutbound, unpackInbound, unpackOutbound } from './record-wire';

describe('record wire (main thread ⇄ governance worker)', () => {
  // kafkajs hands out views into one fetch response: packing must copy only each view's bytes
  const response = Buffer.from('xxxx{"a":1}cam-1yyyy{"b":"ñandú"}zzzz', 'utf8');
  const view = (from: string, to: string): Buffer =>
    response.subarray(response.indexOf(from), response.indexOf(to));

  const records: InboundRecord[] = [
    {
      topic: 'tamiz.detections.raw',
      partition: 3,
      offset: '41',
      key: view('cam-1', 'yyyy'),
      value: view('{"a"', 'cam-1'),
      timestamp: '1700000000000',
      headers: {},
    },
    {
      topic: 'tamiz.detections.raw',
      partition: 3,
      offset: '42',
      key: null,
      value: view('{"b"', 'zzzz'),
      timestamp: '1700000000001',
      headers: {},
    },
    {
      topic: 'tamiz.detections.raw',
      partition: 3,
      offset: '43',
      key: Buffer.alloc(0),
      value: null,
      timestamp: '1700000000002',
      headers: {},
    },
  ];

  it('should carry each inbound record exactly, in one buffer of only their bytes', () => {
    const packed = packInbound({ topic: 'tamiz.detections.raw', partition: 3, records });
    expect(packed.bytes.byteLength).toBe(
      '{"a":1}'.length + 'cam-1'.length + Buffer.byteLength('{"b":"ñandú"}'),
    );
    const back = unpackInbound(structuredClone(packed));
    expect(back).toEqual(records);
    expect(back[1].value?.toString('utf8')).toBe('{"b":"ñandú"}');
  });

  it('should carry outbound strings as UTF-8 bytes, Buffers as they are, and the source header', () => {
    const outputs: OutboundRecord[] = [
      {
        topic: 'alerts.lawful.v1',
        key: 'cam-1',
        value: '{"zona":"Miraflores – Larcomar"}',
        headers: { 'tamiz-source': 't:3:41' },
      },
      { topic: 'detections.dlq.v1', key: null, value: Buffer.from([0xff, 0xfe, 0x00]) },
      { topic: 'decisions.v1', key: 'cam-1', value: '', headers: { 'tamiz-source': 't:3:41' } },
    ];
    const back = unpackOutbound(structuredClone(packOutbound(outputs)));
    expect(back.map((r) => r.topic)).toEqual(outputs.map((r) => r.topic));
    expect(back.map((r) => r.key)).toEqual(['cam-1', null, 'cam-1']);
    expect(back.map((r) => r.headers)).toEqual([outputs[0].headers, undefined, outputs[2].headers]);
    expect(back[0].value.toString()).toBe('{"zona":"Miraflores – Larcomar"}');
    expect(back[1].value).toEqual(Buffer.from([0xff, 0xfe, 0x00]));
    expect(back[2].value).toEqual(Buffer.alloc(0));
  });
});
