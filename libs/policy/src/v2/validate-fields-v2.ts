import { isKnownFieldPath } from '@lib/contracts';
import { isPlainObject, validateTransformSpec, type TransformSpec } from '@lib/redaction';
import { isFaceMatchPath, isTooBroadFieldPath } from '../field-paths';
import { EXPECTED, policyIssues } from '../policy-issues';
import type { DocNode, PolicyReader } from '../policy-reader';
import { misfit, transformKind } from './field-kinds';
import { policyIssuesV2 } from './policy-issues-v2';
import { prohibitedCitation, type EngineCitations } from './engine-citations';
import { prohibitedCategory } from './prohibited-categories';

/**
 * A purpose's `fields` map: every key a canonical path no rule forbids, every value a transform
 * that applies to that field, and no field refining one whose transform is not `keep`.
 */
export function validateFieldsV2(
  reader: PolicyReader,
  args: { node: DocNode; requiresAuthorization: boolean; citations: EngineCitations },
): void {
  const { node } = args;
  if (node.value === undefined) {
    reader.report(policyIssues.required(node.path));
    return;
  }
  if (!isPlainObject(node.value)) {
    reader.report(policyIssues.invalidType(node.path, EXPECTED.object));
    return;
  }
  const fields = Object.keys(node.value);
  if (fields.length === 0) {
    reader.report(policyIssues.empty(node.path));
    return;
  }
  const valid = new Map<string, TransformSpec>();
  for (const field of fields) {
    const child = reader.child(node, field);
    if (
      validateField(reader, {
        field,
        node: child,
        requiresAuthorization: args.requiresAuthorization,
        citations: args.citations,
      })
    ) {
      valid.set(field, child.value as TransformSpec);
    }
  }
  for (const field of fields) {
    const ancestor = refinedAncestor(field, valid);
    if (ancestor !== undefined) {
      reader.report(
        policyIssuesV2.overlappingFields(reader.child(node, field).path, { field, ancestor }),
      );
    }
  }
}

function validateField(
  reader: PolicyReader,
  args: {
    field: string;
    node: DocNode;
    requiresAuthorization: boolean;
    citations: EngineCitations;
  },
): boolean {
  const { field, node } = args;
  for (const segment of field.split('.')) {
    const category = prohibitedCategory(segment);
    if (category !== undefined) {
      const citation = prohibitedCitation(args.citations, category);
      reader.report(policyIssuesV2.prohibitedField(node.path, { field, category, citation }));
      return false;
    }
  }
  if (isTooBroadFieldPath(field)) {
    reader.report(policyIssues.fieldPathTooBroad(node.path, field));
    return false;
  }
  if (!isKnownFieldPath(field)) {
    reader.report(policyIssues.unknownFieldPath(node.path, field));
    return false;
  }
  if (isFaceMatchPath(field) && !args.requiresAuthorization) {
    reader.report(
      policyIssuesV2.faceMatchWithoutAuthorization(node.path, {
        field,
        citation: args.citations.authorisation,
      }),
    );
    return false;
  }
  const specIssues = validateTransformSpec(node.value, node.path);
  if (specIssues.length > 0) {
    specIssues.forEach((found) => reader.report(policyIssuesV2.fromTransform(found)));
    return false;
  }
  const spec = node.value as TransformSpec;
  const expected = misfit({ path: field, spec });
  if (expected !== undefined) {
    reader.report(
      policyIssuesV2.transformNotApplicable(node.path, {
        transform: transformKind(spec),
        field,
        expected,
      }),
    );
    return false;
  }
  return true;
}

/** The closest listed ancestor whose transform is not `keep`: a field cannot refine it. */
function refinedAncestor(
  field: string,
  valid: ReadonlyMap<string, TransformSpec>,
): string | undefined {
  const segments = field.split('.');
  for (let length = segments.length - 1; length > 0; length -= 1) {
    const ancestor = segments.slice(0, length).join('.');
    const spec = valid.get(ancestor);
    if (spec !== undefined && spec !== 'keep') {
      return ancestor;
    }
  }
  return undefined;
}
