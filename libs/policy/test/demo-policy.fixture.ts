// eslint-disable-next-line no-restricted-imports -- a test fixture reads the demo files; the lib never does IO
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CameraRecord } from '@lib/contracts';
import { compilePolicy, parsePolicyText, type PolicyEvaluator } from '@lib/policy';

// Test-only file reads: the lib itself never touches the file system.
const DEMO_DIR = join(__dirname, '..', '..', '..', 'policies', 'demo');

export function demoPolicyText(): string {
  return readFileSync(join(DEMO_DIR, 'lima-demo.policy.yaml'), 'utf8');
}

export function demoPolicy(): PolicyEvaluator {
  return compilePolicy(parsePolicyText(demoPolicyText(), 'yaml'));
}

export function demoCameras(): CameraRecord[] {
  return JSON.parse(readFileSync(join(DEMO_DIR, 'cameras.json'), 'utf8')) as CameraRecord[];
}

export function demoCamera(cameraId: string): CameraRecord {
  const camera = demoCameras().find((c) => c.cameraId === cameraId);
  if (camera === undefined) {
    throw new Error(`no demo camera ${cameraId}`);
  }
  return camera;
}
