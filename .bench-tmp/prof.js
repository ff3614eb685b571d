const { validateDetectionEvent } = require('./libs/contracts/src/validators');
const { DetectionEventFactory } = require('./test/factories/detection-event.factory');
const ev = DetectionEventFactory.sized(1500);
let s = 0; for (let i = 0; i < 400000; i++) s += validateDetectionEvent(ev).length;
console.log(s);
