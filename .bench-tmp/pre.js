const { DetectionEventFactory } = require('./test/factories/detection-event.factory');
const text = JSON.stringify(DetectionEventFactory.sized(1500));
function t(name, fn, n = 300000) { for (let i = 0; i < 20000; i++) fn(); const s = process.hrtime.bigint(); for (let i = 0; i < n; i++) fn(); console.log(name.padEnd(28), (Number(process.hrtime.bigint() - s) / 1000 / n).toFixed(3), 'µs'); }
const re = /__proto__|constructor|prototype|\\u/;
const re2 = /__proto__|constructor|prototype|\\u/;
let s = 0;
for (let r = 0; r < 3; r++) {
t('regex', () => { s += re.test(text) ? 1 : 0; });
t('includes x4', () => { s += (text.includes('__proto__') || text.includes('constructor') || text.includes('prototype') || text.includes('\\u')) ? 1 : 0; });
t('includes proto/constructor/\\u', () => { s += (text.includes('proto') || text.includes('constructor') || text.includes('\\u')) ? 1 : 0; });
const DT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;
t('dt regex', () => { const m = DT.exec('2026-03-14T08:00:01.000Z'); s += m ? +m[2] : 0; });
}
