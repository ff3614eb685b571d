// Readiness probe speaking the Kafka wire protocol over a raw socket. An open TCP port is not
// enough: a KRaft broker binds its listener early but only serves requests once it has caught
// up with the metadata log and been unfenced. A Metadata response listing the broker itself
// means clients can really use it.

import net from 'node:net';

const METADATA_API_KEY = 3;
// Metadata v4 is served by every broker from 1.0 up to 4.x (KIP-896 dropped only v0-v3) and
// still uses the simple, non-"flexible" encoding.
const METADATA_VERSION = 4;

/** Resolves to the broker list if the broker answers a Metadata request, else rejects. */
export function probeMetadata({ host, port, timeoutMs = 2000 }) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    const fail = (err) => {
      socket.destroy();
      reject(err);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error('metadata probe timed out')));
    socket.on('error', fail);
    socket.on('close', () => reject(new Error('connection closed before a metadata response')));
    socket.on('connect', () => socket.write(encodeMetadataRequest(1)));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      socket.end();
      try {
        resolve(decodeMetadataResponse(received.subarray(4)));
      } catch (err) {
        reject(err);
      }
    });
  });
}

function encodeMetadataRequest(correlationId) {
  const clientId = Buffer.from('tamiz-local-kafka-probe');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 1);
  let offset = 0;
  offset = body.writeInt16BE(METADATA_API_KEY, offset);
  offset = body.writeInt16BE(METADATA_VERSION, offset);
  offset = body.writeInt32BE(correlationId, offset);
  offset = body.writeInt16BE(clientId.length, offset);
  offset += clientId.copy(body, offset);
  offset = body.writeInt32BE(0, offset); // topics: empty array, i.e. brokers only
  body.writeInt8(0, offset); // allow_auto_topic_creation: false
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function decodeMetadataResponse(buf) {
  let offset = 4 + 4; // correlation id, throttle_time_ms
  const readString = () => {
    const len = buf.readInt16BE(offset);
    offset += 2;
    if (len < 0) return null;
    const s = buf.toString('utf8', offset, offset + len);
    offset += len;
    return s;
  };
  const brokerCount = buf.readInt32BE(offset);
  offset += 4;
  const brokers = [];
  for (let i = 0; i < brokerCount; i += 1) {
    const nodeId = buf.readInt32BE(offset);
    offset += 4;
    const host = readString();
    const port = buf.readInt32BE(offset);
    offset += 4;
    readString(); // rack
    brokers.push({ nodeId, host, port });
  }
  return { brokers };
}

/**
 * Polls until the broker lists itself in a Metadata response. `checkAlive` lets the caller
 * abort early (with its own error) when the JVM has already died.
 */
export async function waitUntilReady({ host, port, timeoutMs, checkAlive = () => {} }) {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  while (Date.now() < deadline) {
    checkAlive();
    try {
      const { brokers } = await probeMetadata({ host, port });
      if (brokers.some((b) => b.port === port)) return;
      lastError = new Error(
        `broker not yet registered (metadata lists ${JSON.stringify(brokers)})`,
      );
    } catch (err) {
      lastError = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `Kafka on ${host}:${port} not ready after ${timeoutMs} ms (${lastError?.message})`,
  );
}
