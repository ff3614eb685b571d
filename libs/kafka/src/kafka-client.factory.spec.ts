import { logLevel } from 'kafkajs';
import { kafkajsLevel } from './kafka-client.factory';

describe('kafkajsLevel', () => {
  it.each([
    [
      'a retried CONCURRENT_TRANSACTIONS answer',
      {
        message: 'Response AddPartitionsToTxn(key: 24, version: 1)',
        error:
          'The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing',
      },
    ],
    ['a send kafkajs will retry', { message: 'Failed to send messages: x', retryCount: 1 }],
    [
      'a coordinator still starting',
      { message: 'Response GroupCoordinator', error: 'The group coordinator is not available' },
    ],
  ])('should demote %s to debug', (_label, log) => {
    expect(kafkajsLevel(logLevel.ERROR, log)).toBe('debug');
  });

  it('should keep other errors at error level', () => {
    expect(
      kafkajsLevel(logLevel.ERROR, { message: 'Connection error', error: 'ECONNREFUSED' }),
    ).toBe('error');
  });
});
