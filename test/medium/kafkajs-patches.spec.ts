import { randomBytes } from 'node:crypto';

/** patches/kafkajs+2.2.4.patch (see patches/README.md). */

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
