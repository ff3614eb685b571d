import type { PolicyReader, DocNode } from '../policy-reader';
import { isKnownTimeZone } from './event-time';
import { WEEKDAYS } from './policy-document-v2';
import { policyIssuesV2 } from './policy-issues-v2';
import { HH_MM } from './time-windows';

const WINDOW_KEYS = ['days', 'from', 'to', 'timeZone'] as const;

const PROBLEMS = {
  from: {
    es: '«from» debe ser una hora HH:MM entre 00:00 y 23:59',
    en: '"from" must be an HH:MM time from 00:00 to 23:59',
  },
  to: {
    es: '«to» debe ser una hora HH:MM entre 00:01 y 24:00',
    en: '"to" must be an HH:MM time from 00:01 to 24:00',
  },
  empty: {
    es: '«from» y «to» son iguales, la franja no cubriría ningún momento (use 00:00–24:00 para el día entero)',
    en: '"from" equals "to", so the window would cover no time at all (use 00:00–24:00 for the whole day)',
  },
};

/** A purpose's `windows`: a non-empty list of `{ days?, from, to, timeZone? }`. */
export function validateWindows(reader: PolicyReader, node: DocNode): void {
  reader.list(node, {
    required: false,
    item: (item) => {
      validateWindow(reader, item);
      return undefined;
    },
  });
}

function validateWindow(reader: PolicyReader, node: DocNode): void {
  const keys = reader.object(node, { required: true, keys: WINDOW_KEYS });
  if (keys === undefined) {
    return;
  }
  reader.list(keys.days, {
    required: false,
    item: (day) => reader.oneOf(day, { required: true, values: WEEKDAYS }),
  });
  const from = time(reader, { node: keys.from, problem: PROBLEMS.from, refuse: '24:00' });
  const to = time(reader, { node: keys.to, problem: PROBLEMS.to, refuse: '00:00' });
  if (from !== undefined && from === to) {
    reader.report(policyIssuesV2.invalidWindow(node.path, PROBLEMS.empty));
  }
  const zone = reader.string(keys.timeZone, { required: false });
  if (zone !== undefined && !isKnownTimeZone(zone)) {
    reader.report(policyIssuesV2.invalidTimeZone(keys.timeZone.path, zone));
  }
}

function time(
  reader: PolicyReader,
  args: { node: DocNode; problem: { es: string; en: string }; refuse: string },
): string | undefined {
  const value = reader.string(args.node, { required: true });
  if (value === undefined) {
    return undefined;
  }
  if (!HH_MM.test(value) || value === args.refuse) {
    reader.report(policyIssuesV2.invalidWindow(args.node.path, args.problem));
    return undefined;
  }
  return value;
}
