/**
 * Entry of a governance worker thread: it parses, decides and serialises the batches the main
 * thread posts, so that the main thread keeps only Kafka's network work. It holds its own copy of
 * the policy in force and of the camera registry, updated by messages that arrive in order with
 * the batches: a batch posted after a policy switch is decided with the new policy, one posted
 * before it with the old one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CameraRecord, RegisteredAuthorisationV1 } from '@lib/contracts';
import { compilePolicy, noPolicyEvaluator, type PolicyEvaluator } from '@lib/policy';
import { governRecords } from './govern-records';
import type { FromWorker, GovernanceWorkerData, ToWorker } from './governance-protocol';
import { policyKeyring } from './policy-keyring';
import { packOutbound, unpackInbound } from './record-wire';

const data = workerData as GovernanceWorkerData;
let base: PolicyEvaluator = noPolicyEvaluator();
let registered: readonly RegisteredAuthorisationV1[] | null = null;
// the policy with the register of authorisations merged in, as the main thread holds it
let policy: PolicyEvaluator = base;
// A policy the main thread compiled but this thread could not: nothing is decided until the next.
let policyError: string | null = null;
let cameras = new Map<string, CameraRecord>();

function merged(): PolicyEvaluator {
  return registered === null ? base : base.withRegisteredAuthorisations(registered);
}

function handle(message: ToWorker): FromWorker | null {
  switch (message.kind) {
    case 'policy':
      try {
        base =
          message.document === null
            ? noPolicyEvaluator()
            : compilePolicy(message.document, {
                keyring: policyKeyring(message.document, data.pseudonymSecret),
              });
        policy = merged();
        policyError = null;
      } catch (error) {
        policyError = error instanceof Error ? error.name : 'unknown';
      }
      return null;
    case 'authorisations':
      registered = message.authorisations;
      policy = merged();
      return null;
    case 'cameras':
      cameras = new Map(message.cameras.map((c) => [c.cameraId, c]));
      return null;
    case 'govern': {
      if (policyError !== null) {
        return { kind: 'failed', id: message.id, error: `policy_not_compiled:${policyError}` };
      }
      const { records, tally } = governRecords(
        {
          policy,
          camera: (id) => cameras.get(id) ?? null,
          maxEventBytes: data.maxEventBytes,
          receivedAt: new Date(message.receivedAt),
        },
        unpackInbound(message.batch),
      );
      return { kind: 'governed', id: message.id, outputs: packOutbound(records), tally };
    }
  }
}

parentPort?.on('message', (message: ToWorker) => {
  let reply: FromWorker | null;
  try {
    reply = handle(message);
  } catch (error) {
    reply =
      message.kind === 'govern'
        ? { kind: 'failed', id: message.id, error: error instanceof Error ? error.name : 'unknown' }
        : null;
  }
  if (reply?.kind === 'governed') {
    parentPort?.postMessage(reply, [reply.outputs.bytes]);
  } else if (reply) {
    parentPort?.postMessage(reply);
  }
});
