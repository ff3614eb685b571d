import { policyIssues } from '../policy-issues';
import type { DocNode, PolicyReader } from '../policy-reader';
import { parseInstant } from './event-time';
import { policyIssuesV2 } from './policy-issues-v2';

const AUTHORISATION_KEYS = [
  'id',
  'issuer',
  'caseRef',
  'purposes',
  'scope',
  'validFrom',
  'validUntil',
] as const;

const DATE_TIME = {
  es: 'una fecha y hora RFC 3339 con zona (p. ej. 2026-03-01T00:00:00-05:00)',
  en: 'an RFC 3339 date-time with a zone (e.g. 2026-03-01T00:00:00-05:00)',
};
const AUTHORISATION_ID = /^[!-~]{1,128}$/;
const ID_FORMAT = {
  es: 'un identificador sin espacios (p. ej. AUT-2026-001)',
  en: 'an identifier without spaces (e.g. AUT-2026-001)',
};
const SCOPE_WHY = {
  es: 'una autorización limita su alcance a listas de búsqueda o cámaras (Reglamento (UE) 2024/1689 art. 5(3)).',
  en: 'an authorisation limits its scope to watchlists or cameras (Regulation (EU) 2024/1689 art. 5(3)).',
};

/** The optional `authorisations` list: each with a scope, known purposes and a real validity. */
export function validateAuthorisations(
  reader: PolicyReader,
  args: { node: DocNode; purposeIds: ReadonlySet<string> },
): void {
  reader.list(args.node, {
    required: false,
    item: (item) => validateAuthorisation(reader, { node: item, purposeIds: args.purposeIds }),
  });
}

/** Returns the id, so the list reports an id used twice. */
function validateAuthorisation(
  reader: PolicyReader,
  args: { node: DocNode; purposeIds: ReadonlySet<string> },
): string | undefined {
  const keys = reader.object(args.node, { required: true, keys: AUTHORISATION_KEYS });
  if (keys === undefined) {
    return undefined;
  }
  const id = reader.string(keys.id, {
    required: true,
    pattern: AUTHORISATION_ID,
    format: ID_FORMAT,
  });
  reader.string(keys.issuer, { required: true });
  reader.string(keys.caseRef, { required: true });
  reader.list(keys.purposes, {
    required: true,
    item: (item) => {
      const purpose = reader.string(item, { required: true });
      // an invalid purpose list was reported already; the ids it would have given are unknown
      if (purpose !== undefined && args.purposeIds.size > 0 && !args.purposeIds.has(purpose)) {
        reader.report(policyIssuesV2.unknownPurpose(item.path, purpose));
      }
      return purpose;
    },
  });
  const scope = reader.object(keys.scope, {
    required: true,
    why: SCOPE_WHY,
    keys: ['watchlists', 'cameras'],
  });
  if (scope !== undefined) {
    reader.stringList(scope.watchlists, { required: false });
    reader.stringList(scope.cameras, { required: false });
    if (scope.watchlists.value === undefined && scope.cameras.value === undefined) {
      reader.report(policyIssues.required(`${keys.scope.path}/watchlists`, SCOPE_WHY));
    }
  }
  const from = instant(reader, keys.validFrom);
  const until = instant(reader, keys.validUntil);
  if (from !== undefined && until !== undefined && until <= from) {
    reader.report(policyIssuesV2.invalidValidity(keys.validUntil.path));
  }
  return id;
}

function instant(reader: PolicyReader, node: DocNode): number | undefined {
  const text = reader.string(node, { required: true });
  if (text === undefined) {
    return undefined;
  }
  const ms = parseInstant(text);
  if (Number.isNaN(ms)) {
    reader.report(policyIssues.invalidFormat(node.path, DATE_TIME));
    return undefined;
  }
  return ms;
}
