const Ajv = require('ajv/dist/2020').default; const addFormats = require('ajv-formats');
const { DETECTION_EVENT_JSON_SCHEMA } = require('./libs/contracts/src/schemas');
const { isCanonicalDateTime } = require('./libs/contracts/src/date-time');
const { DetectionEventFactory } = require('./test/factories/detection-event.factory');
function mk(opts) { const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, ...opts }); addFormats(ajv, ['uri', 'uri-reference']); ajv.addFormat('date-time', { type: 'string', validate: isCanonicalDateTime }); return ajv.compile(DETECTION_EVENT_JSON_SCHEMA); }
const a = mk({}), b = mk({ unicodeRegExp: false }), c = mk({ allErrors: false });
const ev = DetectionEventFactory.sized(1500);
const lpr = DetectionEventFactory.lpr();
function t(name, fn, n = 100000) { for (let i = 0; i < 20000; i++) fn(); let best = 1e9; for (let r = 0; r < 7; r++) { const s = process.hrtime.bigint(); for (let i = 0; i < n; i++) fn(); best = Math.min(best, Number(process.hrtime.bigint() - s) / 1000 / n); } console.log(name.padEnd(28), best.toFixed(3), 'µs (min of 7)'); }
let s = 0;
t('default', () => { s += a(ev) ? 1 : 0; });
t('unicodeRegExp false', () => { s += b(ev) ? 1 : 0; });
t('allErrors false', () => { s += c(ev) ? 1 : 0; });
t('default lpr', () => { s += a(lpr) ? 1 : 0; });
t('unicodeRegExp false lpr', () => { s += b(lpr) ? 1 : 0; });
