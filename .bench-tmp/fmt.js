const Ajv = require('ajv/dist/2020').default; const addFormats = require('ajv-formats');
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }); addFormats(ajv);
function t(name, fn, n = 300000) { for (let i = 0; i < 20000; i++) fn(); const s = process.hrtime.bigint(); for (let i = 0; i < n; i++) fn(); console.log(name.padEnd(28), (Number(process.hrtime.bigint() - s) / 1000 / n).toFixed(3), 'µs'); }
const dt = ajv.compile({ type: 'string', format: 'date-time' });
const uriref = ajv.compile({ type: 'string', format: 'uri-reference' });
const uri = ajv.compile({ type: 'string', format: 'uri' });
const id = ajv.compile({ type: 'string', maxLength: 128, pattern: '^[!-~]+$' });
const label = ajv.compile({ type: 'string', minLength: 1, maxLength: 256, pattern: '^[^\\u0000-\\u001f\\u007f]*$' });
const token = ajv.compile({ type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' });
let s=0;
t('date-time', () => { s += dt('2026-03-14T08:00:01.000Z') ? 1 : 0; });
t('uri-reference source', () => { s += uriref('urn:site:miraflores:camera:cam-mira-0142') ? 1 : 0; });
t('uri-reference s3', () => { s += uriref('s3://tamiz-evidence/2026/03/14/det-000001.jpg') ? 1 : 0; });
t('uri', () => { s += uri('urn:tamiz:schema:detection:1.0') ? 1 : 0; });
t('id', () => { s += id('cam-mira-0142') ? 1 : 0; });
t('label', () => { s += label('parque-kennedy-norte') ? 1 : 0; });
t('token', () => { s += token('person-attributes') ? 1 : 0; });
