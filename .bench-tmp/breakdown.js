const { DetectionEventFactory } = require('./test/factories/detection-event.factory');
const { validateDetectionEvent } = require('./libs/contracts/src/validators');
const { mayHoldForbiddenKey } = require('./libs/contracts/src/forbidden-keys');
const { isUtf8 } = require('node:buffer');
const bytes = DetectionEventFactory.toBytes(DetectionEventFactory.sized(1500));
const text = bytes.toString('utf8');
const td = new TextDecoder('utf-8', { fatal: true });
const obj = JSON.parse(text);
function t(name, fn, n = 200000) { for (let i = 0; i < 20000; i++) fn(); const s = process.hrtime.bigint(); for (let i = 0; i < n; i++) fn(); console.log(name.padEnd(28), (Number(process.hrtime.bigint() - s) / 1000 / n).toFixed(3), 'µs'); }
let sink = 0;
for (let r = 0; r < 2; r++) {
t('TextDecoder fatal', () => { sink += td.decode(bytes).length; });
t('buffer.toString', () => { sink += bytes.toString('utf8').length; });
t('isUtf8 + toString', () => { sink += isUtf8(bytes) ? bytes.toString('utf8').length : 0; });
t('JSON.parse(text)', () => { sink += JSON.parse(text) ? 1 : 0; });
t('forbidden regex', () => { sink += mayHoldForbiddenKey(text) ? 1 : 0; });
t('ajv validate', () => { sink += validateDetectionEvent(obj).length; });
}
