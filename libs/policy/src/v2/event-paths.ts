import type { DetectionData, Finding } from '@lib/contracts';
import { isPlainObject } from '@lib/redaction';
import { listInterner } from './interning';
import { compareText } from './json-values';
import { prohibitedCitation, type EngineCitations } from './engine-citations';
import { prohibitedCategory, type ProhibitedCategory } from './prohibited-categories';

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
const FINDING_MEMO_LIMIT = 1024;
// per jurisdiction's citations, by path
const findingMemos = new WeakMap<EngineCitations, Map<string, Finding>>();

/**
 * `vendor_violation` findings for every prohibited attribute the vendor sent, by path (never by
 * value), sorted by path. Only `attributes` is walked: everywhere else the detection schema is
 * closed, so no other key reaches the engine.
 */
export function vendorFindings(
  event: DetectionData,
  citations: EngineCitations,
): readonly Finding[] {
  const attributes: unknown = event.attributes;
  if (!isPlainObject(attributes)) {
    return NO_FINDINGS;
  }
  const found = scan(attributes, 'attributes', undefined, citations);
  return found === undefined ? NO_FINDINGS : found.sort((a, b) => compareText(a.path, b.path));
}

// Nothing is allocated for a clean event (the common case): the list is created at the first
// finding. Positional arguments, unlike the rest of the code base: this runs for every object
// of every event's attributes.
function scan(
  value: Record<string, unknown>,
  path: string,
  found: Finding[] | undefined,
  citations: EngineCitations,
): Finding[] | undefined {
  let out = found;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) {
      continue;
    }
    const category = prohibitedCategory(key);
    if (category !== undefined) {
      (out ??= []).push(finding(`${path}.${key}`, category, citations));
      continue;
    }
    const child = value[key];
    if (typeof child === 'object' && child !== null) {
      out = scanChild(child, `${path}.${key}`, out, citations);
    }
  }
  return out;
}

function scanChild(
  value: object,
  path: string,
  found: Finding[] | undefined,
  citations: EngineCitations,
): Finding[] | undefined {
  if (!Array.isArray(value)) {
    return scan(value as Record<string, unknown>, path, found, citations);
  }
  // an array is one value: a path never indexes into it, so its objects share its path
  let out = found;
  for (const item of value as unknown[]) {
    if (typeof item === 'object' && item !== null) {
      out = scanChild(item, path, out, citations);
    }
  }
  return out;
}

function finding(path: string, category: ProhibitedCategory, citations: EngineCitations): Finding {
  let findingMemo = findingMemos.get(citations);
  if (findingMemo === undefined) {
    findingMemo = new Map();
    findingMemos.set(citations, findingMemo);
  }
  let known = findingMemo.get(path);
  if (known === undefined) {
    known = Object.freeze({
      code: 'vendor_violation',
      path,
      citation: prohibitedCitation(citations, category),
    });
    if (findingMemo.size >= FINDING_MEMO_LIMIT) {
      findingMemo.clear();
    }
    findingMemo.set(path, known);
  }
  return known;
}

/** One path string per event shape, so equal paths are one string and lists of them intern. */
interface PathNode {
  path: string;
  children: Map<string, PathNode>;
}

const PATH_LIMIT = 16_384;
const pathRoot: PathNode = { path: '', children: new Map() };
let pathCount = 0;
const internPaths = listInterner<string>();

function childOf(node: PathNode, key: string): PathNode {
  let child = node.children.get(key);
  if (child === undefined) {
    child = { path: node.path === '' ? key : `${node.path}.${key}`, children: new Map() };
    // vendors' own keys could grow the trie without bound: start over past the limit
    if (pathCount < PATH_LIMIT) {
      node.children.set(key, child);
      pathCount += 1;
    }
  }
  return child;
}

/**
 * The event's maximal subtrees that no alert's data carries, as dotted paths sorted by UTF-16
 * code unit: `geo` rather than `geo.lat` and `geo.lon`. A value carried in transformed form
 * counts as carried (the decision's transforms name it). `eventId` is never listed: every alert
 * carries it in its envelope. Computed from the alerts themselves, so it can never disagree
 * with what actually left. The list is interned and frozen.
 */
export function droppedPaths(args: {
  event: DetectionData;
  datas: ReadonlyArray<Record<string, unknown>>;
}): readonly string[] {
  const out: string[] = [];
  walk(args.event as unknown as Record<string, unknown>, args.datas, pathRoot, out);
  return internPaths(sortTexts(out));
}

/** A sequence of top-level keys, as events of one producer repeat it. */
interface ShapeNode {
  next: Map<string, ShapeNode>;
  keys: readonly string[];
  paths: readonly string[] | undefined;
}

const SHAPE_LIMIT = 4096;
let shapeRoot: ShapeNode = { next: new Map(), keys: [], paths: undefined };
let shapeCount = 0;

/**
 * Every top-level field but eventId, sorted: what a suppressed decision drops. Events of one
 * producer share their key sequence, so the sorted list is found by walking that sequence.
 */
export function topLevelPaths(event: DetectionData): readonly string[] {
  const source = event as unknown as Record<string, unknown>;
  let node = shapeRoot;
  for (const key in source) {
    if (key === 'eventId' || source[key] === undefined || !Object.hasOwn(source, key)) {
      continue;
    }
    let child = node.next.get(key);
    if (child === undefined) {
      if (shapeCount >= SHAPE_LIMIT) {
        shapeRoot = { next: new Map(), keys: [], paths: undefined };
        shapeCount = 0;
      }
      child = { next: new Map(), keys: [...node.keys, key], paths: undefined };
      node.next.set(key, child);
      shapeCount += 1;
    }
    node = child;
  }
  node.paths ??= internPaths(sortTexts([...node.keys]));
  return node.paths;
}

// Positional arguments: it runs for every partly carried object of every forwarded event.
function walk(
  source: Record<string, unknown>,
  copies: ReadonlyArray<Record<string, unknown>>,
  node: PathNode,
  out: string[],
): void {
  for (const key in source) {
    const child = source[key];
    if (child === undefined || !Object.hasOwn(source, key)) {
      continue;
    }
    if (node === pathRoot && key === 'eventId') {
      continue;
    }
    let whole = false;
    let partial: Array<Record<string, unknown>> | undefined;
    for (const copy of copies) {
      const copied = copy[key];
      if (copied === undefined || !Object.hasOwn(copy, key)) {
        continue;
      }
      if (isPlainObject(copied) && isPlainObject(child)) {
        (partial ??= []).push(copied);
      } else {
        whole = true;
        break;
      }
    }
    if (whole) {
      continue;
    }
    if (partial === undefined) {
      out.push(childOf(node, key).path);
    } else {
      walk(child as Record<string, unknown>, partial, childOf(node, key), out);
    }
  }
}

/** Sorts in place by UTF-16 code unit; the lists are short, so an insertion sort. */
function sortTexts(values: string[]): string[] {
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
  return values;
}
