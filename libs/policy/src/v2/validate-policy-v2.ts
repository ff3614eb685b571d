import type { PolicyIssue } from '../policy.error';
import { isPlainObject } from '@lib/redaction';
import { EXPECTED, policyIssues } from '../policy-issues';
import { PolicyReader, type DocNode } from '../policy-reader';
import { SLUG } from '../policy-document';
import { isKnownTimeZone } from './event-time';
import { approximateDurationMs, ISO_DURATION } from './iso-duration';
import {
  DEFAULT_TIME_ZONE,
  JURISDICTIONS,
  REQUIRED_RETENTION_CLASSES,
  RETENTION_CLASS_NAME,
} from './policy-document-v2';
import { policyIssuesV2 } from './policy-issues-v2';
import { purposeConflicts, type PurposeOutline } from './purpose-conflicts';
import { validateAuthorisations } from './validate-authorisations';
import { engineCitations } from './engine-citations';
import { validatePurposeV2 } from './validate-purpose-v2';

const TOP_LEVEL_KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'retention',
  'purposes',
  'authorisations',
] as const;
const METADATA_KEYS = [
  'id',
  'version',
  'jurisdiction',
  'controller',
  'dpia',
  'dataBankRegistration',
  'timeZone',
] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLASS_NAME_FORMAT = {
  es: 'un nombre de clase de conservación (p. ej. rawEvidence, incident-hold)',
  en: 'a retention class name (e.g. rawEvidence, incident-hold)',
};
// Directiva 01-2020-JUS/DGTAIPD: 30 to 60 days for recorded images; the hard ceiling is enforced.
const RAW_EVIDENCE_MAX_PE = { days: 60, text: 'P60D' };

/**
 * Every problem of a `tamiz/v2` document, each at its JSON Pointer; an empty list means
 * `compilePolicy` accepts it. Never throws, whatever the input.
 */
export function validatePolicyV2(doc: unknown): PolicyIssue[] {
  const reader = new PolicyReader();
  const keys = reader.object({ value: doc, path: '' }, { required: true, keys: TOP_LEVEL_KEYS });
  if (keys === undefined) {
    return reader.issues;
  }
  reader.oneOf(keys.apiVersion, { required: true, values: ['tamiz/v2'] });
  reader.oneOf(keys.kind, { required: true, values: ['Policy'] });
  const metadata = validateMetadata(reader, keys.metadata);
  const retentionClasses = validateRetention(reader, {
    node: keys.retention,
    jurisdiction: metadata.jurisdiction,
  });
  const outlines: PurposeOutline[] = [];
  reader.list(keys.purposes, {
    required: true,
    item: (item) => {
      const outline = validatePurposeV2(reader, {
        node: item,
        retentionClasses,
        defaultZone: metadata.timeZone,
        // an unknown jurisdiction was reported already; Peru's citations meanwhile
        citations: engineCitations(metadata.jurisdiction === 'EU' ? 'EU' : 'PE'),
      });
      if (outline !== undefined) {
        outlines.push(outline);
      }
      return undefined;
    },
  });
  for (const conflict of purposeConflicts(outlines)) {
    reader.report(conflict);
  }
  validateAuthorisations(reader, {
    node: keys.authorisations,
    purposeIds: new Set(outlines.map((o) => o.id)),
  });
  return reader.issues;
}

function validateMetadata(
  reader: PolicyReader,
  node: DocNode,
): { jurisdiction: string | undefined; timeZone: string } {
  const keys = reader.object(node, { required: true, keys: METADATA_KEYS });
  if (keys === undefined) {
    return { jurisdiction: undefined, timeZone: DEFAULT_TIME_ZONE };
  }
  reader.string(keys.id, { required: true, pattern: SLUG, format: EXPECTED.slug });
  reader.string(keys.version, { required: true });
  const jurisdiction = reader.oneOf(keys.jurisdiction, { required: true, values: JURISDICTIONS });
  reader.string(keys.controller, { required: true });
  const dpia = reader.object(keys.dpia, {
    required: true,
    keys: ['id', 'date'],
    why: {
      es: 'la política se apoya en una evaluación de impacto (EIPD) con id y fecha.',
      en: 'the policy rests on an impact assessment (DPIA) with an id and a date.',
    },
  });
  if (dpia !== undefined) {
    reader.string(dpia.id, { required: true });
    reader.string(dpia.date, { required: true, pattern: DATE, format: EXPECTED.date });
  }
  reader.string(keys.dataBankRegistration, {
    required: jurisdiction === 'PE',
    why: {
      es: 'el banco de datos debe estar inscrito ante la ANPD (DS 016-2024-JUS arts. 42–45).',
      en: 'the data bank must be registered with the ANPD (DS 016-2024-JUS arts. 42–45).',
    },
  });
  const zone = reader.string(keys.timeZone, { required: false });
  if (zone !== undefined && !isKnownTimeZone(zone)) {
    reader.report(policyIssuesV2.invalidTimeZone(keys.timeZone.path, zone));
  }
  const timeZone = zone !== undefined && isKnownTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  return { jurisdiction, timeZone };
}

/** The retention class names the purposes may use (only the well-formed ones). */
function validateRetention(
  reader: PolicyReader,
  args: { node: DocNode; jurisdiction: string | undefined },
): ReadonlySet<string> {
  const classes = new Set<string>();
  const { node } = args;
  if (node.value === undefined) {
    reader.report(policyIssues.required(node.path));
    return classes;
  }
  if (!isPlainObject(node.value)) {
    reader.report(policyIssues.invalidType(node.path, EXPECTED.object));
    return classes;
  }
  // free names: `metadata` and `alerts` are required, a DPO may add classes (`incident-hold`)
  for (const name of Object.keys(node.value)) {
    const child = reader.child(node, name);
    if (!RETENTION_CLASS_NAME.test(name)) {
      reader.report(policyIssues.invalidFormat(child.path, CLASS_NAME_FORMAT));
    } else if (
      reader.string(child, { required: true, pattern: ISO_DURATION, format: EXPECTED.duration })
    ) {
      classes.add(name);
    }
  }
  for (const name of REQUIRED_RETENTION_CLASSES) {
    if (!Object.hasOwn(node.value, name)) {
      reader.report(policyIssues.required(reader.child(node, name).path));
    }
  }
  const raw = reader.child(node, 'rawEvidence');
  if (
    args.jurisdiction === 'PE' &&
    typeof raw.value === 'string' &&
    approximateDurationMs(raw.value) > RAW_EVIDENCE_MAX_PE.days * 86_400_000
  ) {
    reader.report(
      policyIssuesV2.retentionTooLong(raw.path, {
        max: RAW_EVIDENCE_MAX_PE.text,
        citation: 'Directiva 01-2020-JUS/DGTAIPD 6.13 y 7.18',
      }),
    );
  }
  return classes;
}
