import { isPlainObject } from '@lib/redaction';
import type { PolicyIssue } from './policy.error';
import { EXPECTED, policyIssues } from './policy-issues';

/** A value in the document under validation, with its JSON Pointer. */
export interface DocNode {
  value: unknown;
  path: string;
}

interface Requirement {
  required: boolean;
  why?: { es: string; en: string };
}

/**
 * Typed reads over an untrusted document that never stop at the first problem: each read records
 * an issue and returns `undefined`, so validation walks the whole document and reports everything.
 */
export class PolicyReader {
  readonly issues: PolicyIssue[] = [];

  report(issue: PolicyIssue): void {
    this.issues.push(issue);
  }

  child(node: DocNode, key: string | number): DocNode {
    const path = `${node.path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const value =
      isPlainObject(node.value) && Object.hasOwn(node.value, key) ? node.value[key] : undefined;
    return { value, path };
  }

  /** An object with only the allowed keys; unknown keys are reported, the known ones returned. */
  object(
    node: DocNode,
    spec: Requirement & { keys: readonly string[] },
  ): Record<string, DocNode> | undefined {
    if (!this.present(node, spec)) {
      return undefined;
    }
    if (!isPlainObject(node.value)) {
      this.report(policyIssues.invalidType(node.path, EXPECTED.object));
      return undefined;
    }
    for (const key of Object.keys(node.value)) {
      if (!spec.keys.includes(key)) {
        this.report(policyIssues.unknownKey(this.child(node, key).path, spec.keys));
      }
    }
    return Object.fromEntries(spec.keys.map((key) => [key, this.child(node, key)]));
  }

  string(
    node: DocNode,
    spec: Requirement & { pattern?: RegExp; format?: { es: string; en: string } },
  ): string | undefined {
    if (!this.present(node, spec)) {
      return undefined;
    }
    if (typeof node.value !== 'string' || node.value.trim() === '') {
      this.report(policyIssues.invalidType(node.path, EXPECTED.string));
      return undefined;
    }
    if (spec.pattern && !spec.pattern.test(node.value)) {
      this.report(policyIssues.invalidFormat(node.path, spec.format ?? EXPECTED.string));
      return undefined;
    }
    return node.value;
  }

  oneOf<T extends string>(
    node: DocNode,
    spec: Requirement & { values: readonly T[] },
  ): T | undefined {
    const value = this.string(node, spec);
    if (value === undefined) {
      return undefined;
    }
    if (!(spec.values as readonly string[]).includes(value)) {
      this.report(policyIssues.invalidValue(node.path, spec.values));
      return undefined;
    }
    return value as T;
  }

  number(node: DocNode, spec: Requirement & { min: number; max: number }): number | undefined {
    if (!this.present(node, spec)) {
      return undefined;
    }
    if (typeof node.value !== 'number' || !Number.isFinite(node.value)) {
      this.report(policyIssues.invalidType(node.path, EXPECTED.number));
      return undefined;
    }
    if (node.value < spec.min || node.value > spec.max) {
      this.report(policyIssues.outOfRange(node.path, spec));
      return undefined;
    }
    return node.value;
  }

  /** A non-empty list of items; duplicates are reported. Returns the items that passed `item`. */
  list<T>(
    node: DocNode,
    spec: Requirement & { item: (item: DocNode) => T | undefined; key?: (item: T) => string },
  ): T[] | undefined {
    if (!this.present(node, spec)) {
      return undefined;
    }
    if (!Array.isArray(node.value)) {
      this.report(policyIssues.invalidType(node.path, EXPECTED.list));
      return undefined;
    }
    if (node.value.length === 0) {
      this.report(policyIssues.empty(node.path));
      return undefined;
    }
    const out: T[] = [];
    const seen = new Set<string>();
    node.value.forEach((_, index) => {
      const itemNode = { value: (node.value as unknown[])[index], path: `${node.path}/${index}` };
      const item = spec.item(itemNode);
      if (item === undefined) {
        return;
      }
      const key = spec.key ? spec.key(item) : String(item);
      if (seen.has(key)) {
        this.report(policyIssues.duplicateValue(itemNode.path, key));
        return;
      }
      seen.add(key);
      out.push(item);
    });
    return out;
  }

  stringList(node: DocNode, spec: Requirement): string[] | undefined {
    return this.list(node, { ...spec, item: (item) => this.string(item, { required: true }) });
  }

  private present(node: DocNode, spec: Requirement): boolean {
    if (node.value !== undefined) {
      return true;
    }
    if (spec.required) {
      this.report(policyIssues.required(node.path, spec.why));
    }
    return false;
  }
}
