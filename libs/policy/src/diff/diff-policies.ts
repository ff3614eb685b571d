import { WEEKDAYS, type TimeWindowV2 } from '../v2/policy-document-v2';
import { approximateDurationMs } from '../v2/iso-duration';
import { minutesOf } from '../v2/time-windows';
import { normalisePolicy } from './normalise-policy.util';
import {
  PolicyChangeKind as K,
  type DiffablePurpose,
  type PolicyChange,
  type PolicyDiff,
} from './policy-diff';
import { compareExposure, transformKind } from './transform-strength.util';

const WEEK_MINUTES = 7 * 1440;
const HUMAN_REVIEW_ORDER = ['none', 'optional', 'recommended', 'required'];

/**
 * The semantic difference between two validated policy documents (tamiz/v1 or v2): purposes
 * added or removed, fields newly exposed, transforms weakened, retention lengthened, confidence
 * lowered, windows widened… Each change says in Spanish and English what it does and whether it
 * relaxes the policy. Windows are compared as minutes of the week in their own time zone.
 */
export function diffPolicies(fromDoc: unknown, toDoc: unknown): PolicyDiff {
  const [from, to] = [normalisePolicy(fromDoc), normalisePolicy(toDoc)];
  const changes: PolicyChange[] = [];

  for (const cls of union(Object.keys(from.retention), Object.keys(to.retention))) {
    const [a, b] = [from.retention[cls], to.retention[cls]];
    const [ma, mb] = [durationOr(a), durationOr(b)];
    if (ma !== mb) {
      const longer = mb > ma;
      changes.push({
        kind: longer ? K.RetentionLengthened : K.RetentionShortened,
        relaxing: longer,
        field: `retention.${cls}`,
        from: a,
        to: b,
        es: `Retención «${cls}» ${longer ? 'alargada' : 'acortada'}: ${a ?? '—'} → ${b ?? '—'}.`,
        en: `Retention "${cls}" ${longer ? 'lengthened' : 'shortened'}: ${a ?? '—'} → ${b ?? '—'}.`,
      });
    }
  }

  const before = new Map(from.purposes.map((p) => [p.id, p]));
  const after = new Map(to.purposes.map((p) => [p.id, p]));
  for (const [id, p] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push({
        kind: K.PurposeAdded,
        relaxing: true,
        purposeId: id,
        to: Object.keys(p.fields).filter((f) => p.fields[f] !== 'drop'),
        es: `Finalidad añadida: ${id}.`,
        en: `Purpose added: ${id}.`,
      });
      continue;
    }
    changes.push(...diffPurpose(old, p));
  }
  for (const id of before.keys()) {
    if (!after.has(id)) {
      changes.push({
        kind: K.PurposeRemoved,
        relaxing: false,
        purposeId: id,
        es: `Finalidad retirada: ${id}.`,
        en: `Purpose removed: ${id}.`,
      });
    }
  }
  return { relaxing: changes.some((c) => c.relaxing), changes };
}

function diffPurpose(a: DiffablePurpose, b: DiffablePurpose): PolicyChange[] {
  const id = a.id;
  const out: PolicyChange[] = [];
  const change = (c: Omit<PolicyChange, 'purposeId'>) => out.push({ ...c, purposeId: id });

  for (const field of union(Object.keys(a.fields), Object.keys(b.fields))) {
    const [fa, fb] = [a.fields[field] ?? 'drop', b.fields[field] ?? 'drop'];
    if (JSON.stringify(fa) === JSON.stringify(fb)) {
      continue;
    }
    const [ka, kb] = [transformKind(fa), transformKind(fb)];
    if (ka === 'drop' || kb === 'drop') {
      const exposed = ka === 'drop';
      change({
        kind: exposed ? K.FieldExposed : K.FieldWithdrawn,
        relaxing: exposed,
        field,
        from: fa,
        to: fb,
        es: `${id}: campo ${field} ${exposed ? `ahora expuesto (${kb})` : 'ya no sale'}.`,
        en: `${id}: field ${field} ${exposed ? `newly exposed (${kb})` : 'no longer leaves'}.`,
      });
      continue;
    }
    const exposure = compareExposure(fa, fb);
    const kind =
      exposure > 0
        ? K.TransformWeakened
        : exposure < 0
          ? K.TransformStrengthened
          : K.TransformChanged;
    const [es, en] =
      exposure > 0
        ? ['debilitada', 'weakened']
        : exposure < 0
          ? ['reforzada', 'strengthened']
          : ['cambiada', 'changed'];
    change({
      kind,
      relaxing: exposure > 0,
      field,
      from: fa,
      to: fb,
      es: `${id}: transformación de ${field} ${es}: ${ka} → ${kb}.`,
      en: `${id}: transform of ${field} ${en}: ${ka} → ${kb}.`,
    });
  }

  if (a.minConfidence !== b.minConfidence) {
    const lowered = b.minConfidence < a.minConfidence;
    change({
      kind: lowered ? K.ConfidenceLowered : K.ConfidenceRaised,
      relaxing: lowered,
      from: a.minConfidence,
      to: b.minConfidence,
      es: `${id}: confianza mínima ${lowered ? 'bajada' : 'subida'}: ${a.minConfidence} → ${b.minConfidence}.`,
      en: `${id}: minimum confidence ${lowered ? 'lowered' : 'raised'}: ${a.minConfidence} → ${b.minConfidence}.`,
    });
  }

  const [wa, wb] = [weekMinutes(a.windows), weekMinutes(b.windows)];
  const widened = wb.some((on, m) => on && !wa[m]);
  const narrowed = wa.some((on, m) => on && !wb[m]);
  if (widened || narrowed) {
    change({
      kind: widened ? K.WindowsWidened : K.WindowsNarrowed,
      relaxing: widened,
      from: a.windows ?? null,
      to: b.windows ?? null,
      es: `${id}: horarios ${widened ? 'ampliados' : 'reducidos'}.`,
      en: `${id}: time windows ${widened ? 'widened' : 'narrowed'}.`,
    });
  }

  const added = b.analytics.filter((x) => !a.analytics.includes(x));
  const removed = a.analytics.filter((x) => !b.analytics.includes(x));
  if (added.length > 0) {
    change({
      kind: K.AnalyticsAdded,
      relaxing: true,
      to: added,
      es: `${id}: analíticas añadidas: ${added.join(', ')}.`,
      en: `${id}: analytics added: ${added.join(', ')}.`,
    });
  }
  if (removed.length > 0) {
    change({
      kind: K.AnalyticsRemoved,
      relaxing: false,
      from: removed,
      es: `${id}: analíticas retiradas: ${removed.join(', ')}.`,
      en: `${id}: analytics removed: ${removed.join(', ')}.`,
    });
  }

  for (const key of union(Object.keys(a.cameras), Object.keys(b.cameras))) {
    const [la, lb] = [a.cameras[key], b.cameras[key]];
    // An absent list matches everything: dropping it, or adding entries, widens the selector.
    const wider = la !== undefined && (lb === undefined || lb.some((x) => !la.includes(x)));
    if (wider) {
      change({
        kind: K.CamerasWidened,
        relaxing: true,
        field: key,
        from: la,
        to: lb ?? null,
        es: `${id}: selección de cámaras (${key}) ampliada.`,
        en: `${id}: camera selection (${key}) widened.`,
      });
    }
  }

  if (a.requiresAuthorization && !b.requiresAuthorization) {
    change({
      kind: K.AuthorisationNoLongerRequired,
      relaxing: true,
      es: `${id}: ya no exige autorización.`,
      en: `${id}: no longer requires an authorisation.`,
    });
  }
  if (HUMAN_REVIEW_ORDER.indexOf(b.humanReview) < HUMAN_REVIEW_ORDER.indexOf(a.humanReview)) {
    change({
      kind: K.HumanReviewRelaxed,
      relaxing: true,
      from: a.humanReview,
      to: b.humanReview,
      es: `${id}: revisión humana relajada: ${a.humanReview} → ${b.humanReview}.`,
      en: `${id}: human review relaxed: ${a.humanReview} → ${b.humanReview}.`,
    });
  }
  if (a.retentionClass !== b.retentionClass) {
    change({
      kind: K.TransformChanged,
      relaxing: false,
      field: 'retentionClass',
      from: a.retentionClass,
      to: b.retentionClass,
      es: `${id}: clase de retención ${a.retentionClass} → ${b.retentionClass}.`,
      en: `${id}: retention class ${a.retentionClass} → ${b.retentionClass}.`,
    });
  }
  return out;
}

function weekMinutes(windows: readonly TimeWindowV2[] | undefined): boolean[] {
  const week = new Array<boolean>(WEEK_MINUTES).fill(windows === undefined);
  for (const w of windows ?? []) {
    const days = (w.days ?? WEEKDAYS).map((d) => WEEKDAYS.indexOf(d));
    const [start, end] = [minutesOf(w.from), minutesOf(w.to)];
    const length = end > start ? end - start : end + 1440 - start;
    for (const day of days) {
      for (let m = 0; m < length; m++) {
        week[(day * 1440 + start + m) % WEEK_MINUTES] = true;
      }
    }
  }
  return week;
}

function durationOr(value: string | undefined): number {
  return value === undefined ? 0 : approximateDurationMs(value);
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
