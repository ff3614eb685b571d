import { VENDOR_FORMATS, type VendorFormat } from '@lib/simulator';

export interface SimulateArgs {
  cameras: number;
  rate: number;
  count: number;
  seed: number;
  formats: VendorFormat[];
  snapshotShare: number;
  malformedShare: number;
  mqttUrl: string | null;
  ingestUrl: string | null;
  /** Send DeepStream payloads to Kafka (KAFKA_BROKERS). */
  kafka: boolean;
}

type Parsed = { ok: true; args: SimulateArgs } | { ok: false; es: string; en: string };

const FLAGS = [
  '--cameras',
  '--rate',
  '--count',
  '--seed',
  '--formats',
  '--snapshots',
  '--malformed',
  '--mqtt',
  '--ingest',
  '--kafka',
] as const;

/**
 * `simulate [--cameras N] [--rate R] [--count N] [--seed S] [--formats a,b] [--snapshots F]
 * [--malformed F] [--mqtt URL] [--ingest URL] [--kafka yes|no]`
 */
export function parseSimulateArgs(rest: readonly string[]): Parsed {
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (!(FLAGS as readonly string[]).includes(flag)) {
      return { ok: false, es: `opción desconocida: ${flag}`, en: `unknown option: ${flag}` };
    }
    if (value === undefined || value.startsWith('--')) {
      return { ok: false, es: `falta el valor de ${flag}`, en: `missing value for ${flag}` };
    }
    options.set(flag, value);
  }
  const problems: Array<[string, string]> = [];
  const int = (flag: string, fallback: number, min: number, max: number) => {
    const raw = options.get(flag);
    if (raw === undefined) {
      return fallback;
    }
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push([
        `${flag} debe ser un entero de ${min} a ${max}`,
        `${flag} must be an integer from ${min} to ${max}`,
      ]);
    }
    return n;
  };
  const share = (flag: string, fallback: number) => {
    const raw = options.get(flag);
    const n = raw === undefined ? fallback : Number(raw);
    if (!(n >= 0 && n <= 1)) {
      problems.push([`${flag} debe estar entre 0 y 1`, `${flag} must be between 0 and 1`]);
    }
    return n;
  };
  const formats = (options.get('--formats') ?? VENDOR_FORMATS.join(',')).split(',');
  const unknown = formats.filter((f) => !(VENDOR_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    problems.push([
      `formatos desconocidos: ${unknown.join(', ')} (conocidos: ${VENDOR_FORMATS.join(', ')})`,
      `unknown formats: ${unknown.join(', ')} (known: ${VENDOR_FORMATS.join(', ')})`,
    ]);
  }
  const kafka = options.get('--kafka') ?? 'yes';
  if (kafka !== 'yes' && kafka !== 'no') {
    problems.push(['--kafka debe ser yes o no', '--kafka must be yes or no']);
  }
  const args: SimulateArgs = {
    cameras: int('--cameras', 8, 1, 10_000),
    rate: int('--rate', 20, 1, 100_000),
    count: int('--count', 0, 0, 100_000_000),
    seed: int('--seed', 1, 0, 2 ** 31),
    formats: formats as VendorFormat[],
    snapshotShare: share('--snapshots', 0.1),
    malformedShare: share('--malformed', 0.03),
    mqttUrl: options.get('--mqtt') ?? null,
    ingestUrl: options.get('--ingest') ?? null,
    kafka: kafka === 'yes',
  };
  if (problems.length > 0) {
    return {
      ok: false,
      es: problems.map((p) => p[0]).join('; '),
      en: problems.map((p) => p[1]).join('; '),
    };
  }
  return { ok: true, args };
}
