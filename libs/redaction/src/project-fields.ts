import type { DetectionData } from '@lib/contracts';
import { isPlainObject, sortedKeys } from './leaf-paths';
import { isProhibitedKey } from './prohibited-keys';
import { RedactionError, RedactionErrorCode } from './redaction.error';

/** Copies the listed paths of an event into a fresh object; built once, run on every event. */
export type Projection = (data: DetectionData) => Partial<DetectionData>;

/** One level of the compiled path tree; `children === null` means "keep the whole value". */
interface PathNode {
  key: string;
  children: PathNode[] | null;
}

// Segments that reach an object's prototype instead of its data when assigned or read.
const UNSAFE_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Deny by default: the projection copies only the listed dotted paths (`attributes.person.clothing`)
 * and nothing else. Intermediate objects are created only when something below them is copied; a
 * listed path that is absent, or that runs through a non-object, is simply absent from the output.
 * Values are deep-copied (arrays whole), so the output shares nothing with the input and the input
 * is never mutated. Own keys only are read, keys are written in sorted order (the same bytes
 * whatever the event's key order), and prohibited attribute keys and `__proto__` are never copied,
 * even inside a kept subtree.
 */
export function compileProjection(paths: readonly string[]): Projection {
  const roots = buildTree(paths);
  return (data) => projectNodes(data as unknown as Record<string, unknown>, roots) ?? {};
}

function buildTree(paths: readonly string[]): PathNode[] {
  const roots: PathNode[] = [];
  for (const path of paths) {
    let level: PathNode[] | null = roots;
    const segments = splitPath(path);
    for (let i = 0; i < segments.length && level !== null; i++) {
      const last = i === segments.length - 1;
      let node: PathNode | undefined = level.find((n) => n.key === segments[i]);
      if (node === undefined) {
        node = { key: segments[i], children: last ? null : [] };
        level.push(node);
      } else if (last) {
        // a shorter path keeps the whole subtree, so it absorbs any longer one
        node.children = null;
      }
      level = node.children;
    }
  }
  sortTree(roots);
  return roots;
}

function splitPath(path: string): string[] {
  const segments = path.split('.');
  for (const segment of segments) {
    if (segment === '') {
      throw new RedactionError({
        code: RedactionErrorCode.InvalidPath,
        path,
        detail: 'empty path segment',
      });
    }
    if (UNSAFE_SEGMENTS.has(segment) || isProhibitedKey(segment)) {
      throw new RedactionError({
        code: RedactionErrorCode.InvalidPath,
        path,
        detail: 'path segment may never be copied',
      });
    }
  }
  return segments;
}

function sortTree(nodes: PathNode[]): void {
  nodes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const node of nodes) {
    if (node.children !== null) {
      sortTree(node.children);
    }
  }
}

function projectNodes(
  source: Record<string, unknown>,
  nodes: readonly PathNode[],
): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const node of nodes) {
    if (!Object.hasOwn(source, node.key)) {
      continue;
    }
    const value = source[node.key];
    let copy: unknown;
    if (node.children === null) {
      copy = cloneValue(value);
    } else if (isPlainObject(value)) {
      copy = projectNodes(value, node.children);
    }
    if (copy !== undefined) {
      (out ??= {})[node.key] = copy;
    }
  }
  return out;
}

function cloneValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(cloneValue);
  }
  if (!isPlainObject(value)) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const key of sortedKeys(value)) {
    if (key !== '__proto__' && !isProhibitedKey(key) && value[key] !== undefined) {
      out[key] = cloneValue(value[key]);
    }
  }
  return out;
}
