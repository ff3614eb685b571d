import { parseDocument, type Document } from 'yaml';
import { PolicyError, PolicyErrorCode, PolicyIssueCode, type PolicyIssue } from './policy.error';

export type PolicyTextFormat = 'yaml' | 'json';

/**
 * Parses policy text into plain data for `compilePolicy`. YAML uses the 1.2 core schema (no
 * timestamps, no custom tags, so the data is plain JSON). Duplicate keys are errors in both
 * formats: JSON.parse keeps the last one silently, so a reviewer could approve a value that is
 * not the one applied.
 */
export function parsePolicyText(text: string, format: PolicyTextFormat): unknown {
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw unparsable([syntaxIssue((error as Error).message)]);
    }
    // JSON is YAML 1.2 flow syntax, so the YAML parser can find the duplicate keys JSON.parse hides.
    const duplicates = yamlIssues(parseYaml(text)).filter(
      (i) => i.code === PolicyIssueCode.DuplicateKey,
    );
    if (duplicates.length > 0) {
      throw unparsable(duplicates);
    }
    return data;
  }
  const doc = parseYaml(text);
  const issues = yamlIssues(doc);
  if (issues.length > 0) {
    throw unparsable(issues);
  }
  try {
    // the alias cap stops a "billion laughs" document from expanding without bound
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    throw unparsable([syntaxIssue((error as Error).message)]);
  }
}

function parseYaml(text: string): Document {
  return parseDocument(text, { schema: 'core', uniqueKeys: true });
}

function yamlIssues(doc: Document): PolicyIssue[] {
  return doc.errors.map((error) => {
    const where = error.linePos?.[0];
    const at = where ? ` (línea/line ${where.line}, columna/column ${where.col})` : '';
    if (error.code === 'DUPLICATE_KEY') {
      return {
        path: '',
        code: PolicyIssueCode.DuplicateKey,
        es: `Clave repetida${at}.`,
        en: `Duplicate key${at}.`,
      };
    }
    // the first line only: pretty errors append an excerpt of the text
    return syntaxIssue(error.message.split('\n')[0]);
  });
}

function syntaxIssue(detail: string): PolicyIssue {
  return {
    path: '',
    code: PolicyIssueCode.Syntax,
    es: `Texto de política mal formado: ${detail}`,
    en: `Malformed policy text: ${detail}`,
  };
}

function unparsable(issues: PolicyIssue[]): PolicyError {
  return new PolicyError({ code: PolicyErrorCode.Unparsable, issues });
}
