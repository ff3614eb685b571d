import type { DecisionRecordV1, DetectionData } from '@lib/contracts';
import {
  compileTransform,
  DROP,
  isPlainObject,
  redactionInstruction,
  type CompiledTransform,
  type RedactionInstruction,
  type TransformContext,
  type TransformSpec,
} from '@lib/redaction';
import { exactDurationMs } from './iso-duration';
import { listInterner } from './interning';
import {
  canonicalClone,
  copiedDigitKeys,
  isUncopiableKey,
  noteCopiedKey,
  sortedKeys,
} from './json-values';
import { memoisePseudonym } from './pseudonym-memo';

export type TransformRecord = DecisionRecordV1['transforms'][number];

interface PlanField {
  /** Rank of the path among the purpose's fields, in UTF-16 order of the whole path. */
  index: number;
  transform: CompiledTransform;
  /** The decision's entry for this field, frozen: one object serves every decision. */
  record: TransformRecord;
  redaction: RedactionInstruction | null;
}

interface PlanNode {
  key: string;
  field: PlanField | null;
  /** Sorted by key. */
  children: PlanNode[];
  byKey: ReadonlyMap<string, PlanNode>;
  /** Below a field kept with `keep`: keys no node names are copied as they are. */
  keepRest: boolean;
}

/** What one purpose's plan made of one event. */
export interface PlanOutput {
  /** The minimised data, keys sorted at every level; shares nothing with the event. */
  data: Readonly<Record<string, unknown>>;
  /** Entries for the fields the data actually carries, in UTF-16 order of their paths. */
  carried: readonly TransformRecord[];
  redaction: RedactionInstruction | null;
  /** The data's own key order is the canonical one (no integer-like key reordered it). */
  canonicalOrder: boolean;
}

/** A purpose's `fields`, compiled once: a sorted path tree with each field's transform. */
export interface FieldPlan {
  readonly usesPseudonyms: boolean;
  apply(args: { event: DetectionData; ctx: TransformContext }): PlanOutput;
}

/**
 * Deny by default: only listed paths leave, each through its transform; a listed path absent
 * from the event, or whose transform drops the value, is absent from the data. A field below one
 * kept with `keep` refines it (`attributes.person: keep` with `attributes.person.age` banded).
 * Prohibited attribute keys and `__proto__` are never copied, even inside a kept subtree.
 */
export function compileFieldPlan(args: {
  purposeId: string;
  fields: Readonly<Record<string, TransformSpec>>;
}): FieldPlan {
  const root = node('', false);
  let usesPseudonyms = false;
  let index = 0;
  const indexes = new Map<TransformRecord, number>();
  for (const path of Object.keys(args.fields).sort()) {
    const spec = args.fields[path];
    let transform = compileTransform(spec);
    if (typeof spec === 'object' && 'pseudonymize' in spec) {
      usesPseudonyms = true;
      const rotationMs = exactDurationMs(spec.pseudonymize.rotate);
      transform = Number.isFinite(rotationMs)
        ? memoisePseudonym({ transform, rotationMs })
        : transform;
    }
    const record = Object.freeze({ purpose: args.purposeId, path, transform: transform.name });
    const redaction = redactionInstruction(spec);
    insert({ root, segments: path.split('.'), field: { index, transform, record, redaction } });
    indexes.set(record, index);
    index += 1;
  }
  freezeTree(root, false);
  const internCarried = listInterner<TransformRecord>();
  return Object.freeze({
    usesPseudonyms,
    apply: ({ event, ctx }: { event: DetectionData; ctx: TransformContext }): PlanOutput => {
      const walk: Walk = { ctx, carried: [], last: -1, sorted: true, redaction: null };
      copiedDigitKeys(true);
      const data = select(event as unknown as Record<string, unknown>, root, walk) ?? {};
      const canonicalOrder = !copiedDigitKeys(true);
      if (!walk.sorted) {
        walk.carried.sort((a, b) => (indexes.get(a) ?? 0) - (indexes.get(b) ?? 0));
      }
      return {
        data,
        carried: internCarried(walk.carried),
        redaction: walk.redaction,
        canonicalOrder,
      };
    },
  });
}

function node(key: string, keepRest: boolean): PlanNode {
  return { key, field: null, children: [], byKey: new Map(), keepRest };
}

function insert(args: { root: PlanNode; segments: readonly string[]; field: PlanField }): void {
  let current = args.root;
  for (const segment of args.segments) {
    let child = current.byKey.get(segment);
    if (child === undefined) {
      child = node(segment, false);
      current.children.push(child);
      (current.byKey as Map<string, PlanNode>).set(segment, child);
    }
    current = child;
  }
  current.field = args.field;
}

function freezeTree(current: PlanNode, underKeep: boolean): void {
  current.keepRest = underKeep || current.field?.transform.name === 'keep';
  current.children.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const child of current.children) {
    freezeTree(child, current.keepRest);
  }
}

interface Walk {
  ctx: TransformContext;
  carried: TransformRecord[];
  /** Index of the last field carried. */
  last: number;
  /** False once a field was carried after one that sorts later (DFS order ≠ path order). */
  sorted: boolean;
  redaction: RedactionInstruction | null;
}

function carry(walk: Walk, field: PlanField): void {
  if (field.index < walk.last) {
    walk.sorted = false;
  }
  walk.last = field.index;
  walk.carried.push(field.record);
}

// Positional arguments below, unlike the rest of the code base: these run for every listed
// field of every alert, and an argument object per call measurably slows them.
function applyNode(current: PlanNode, value: unknown, walk: Walk): unknown {
  const field = current.field;
  if (field !== null && (current.children.length === 0 || !isPlainObject(value))) {
    return applyField(field, value, walk);
  }
  if (!isPlainObject(value)) {
    return undefined;
  }
  if (field !== null) {
    carry(walk, field);
  }
  return current.keepRest ? keepRest(value, current, walk) : select(value, current, walk);
}

/** Only the keys the plan names. */
function select(
  source: Record<string, unknown>,
  current: PlanNode,
  walk: Walk,
): Record<string, unknown> | undefined {
  let result: Record<string, unknown> | undefined;
  for (const child of current.children) {
    const value = source[child.key];
    if (value === undefined || !Object.hasOwn(source, child.key)) {
      continue;
    }
    const copy = applyNode(child, value, walk);
    if (copy !== undefined) {
      noteCopiedKey(child.key);
      (result ??= {})[child.key] = copy;
    }
  }
  return result;
}

/** Every copiable key, through the plan's node where it names one. */
function keepRest(
  source: Record<string, unknown>,
  current: PlanNode,
  walk: Walk,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of sortedKeys(source)) {
    const value = source[key];
    if (value === undefined || isUncopiableKey(key)) {
      continue;
    }
    const child = current.byKey.get(key);
    const copy = child === undefined ? canonicalClone(value) : applyNode(child, value, walk);
    if (copy !== undefined) {
      noteCopiedKey(key);
      result[key] = copy;
    }
  }
  return result;
}

function applyField(field: PlanField, value: unknown, walk: Walk): unknown {
  // transforms never mutate their input (@lib/redaction's contract)
  const output = field.transform.apply(value, walk.ctx);
  if (output === DROP) {
    return undefined;
  }
  carry(walk, field);
  if (field.redaction !== null) {
    walk.redaction = field.redaction;
  }
  // an object (kept, redacted or generalised) leaves as a canonical copy: its own key
  // order (a box is x, y, w, h), prohibited keys and shared references do not
  return typeof output === 'object' && output !== null ? canonicalClone(output) : output;
}
