import type { TFunction } from 'i18next';
import type { AuditRow } from '@contract';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : null);

/** The i18n group whose statuses an entity's records go through. */
const STATUS_LABELS: Record<string, string> = {
  upgrades: 'upgrades.statuses',
  vegetation: 'vegetation.statuses',
  packages: 'trimming.statuses',
  outages: 'outages.statuses',
};

/** The record as people name it: its number, its name, or its line and towers; its id when nothing better. */
function recordName(row: AuditRow): string {
  const r = obj(row.after) ?? obj(row.before);
  if (r) {
    const named =
      str(r.requestNo) ??
      str(r.orderNo) ??
      str(r.name) ??
      str(r.displayName) ??
      str(r.code) ??
      str(r.equipmentName) ??
      str(r.course);
    if (named) return named;
    const line = str(r.lineName);
    if (line) return [line, str(r.towerRange) ?? str(r.date)].filter(Boolean).join(' ');
    const staff = str(r.staffName);
    if (staff) return staff;
  }
  return row.entityId ? `#${row.entityId}` : '';
}

const SELF_METHODS = new Set(['accounts.login', 'accounts.logout', 'accounts.changePassword', 'accounts.setup']);

/** Summaries with figures in them, written by the core in a fixed form. */
const PATTERNS: [RegExp, string, string[]][] = [
  [/^generated (\d+) assignments$/, 'generated', ['count']],
  [/^published version (\d+)$/, 'published', ['version']],
  [/^assigned (\d+) devices$/, 'assignedDevices', ['count']],
  [/^created with (\d+) devices$/, 'createdWithDevices', ['count']],
  [/^result for (.+)$/, 'resultFor', ['code']],
  [/^punch item closed: (.+)$/, 'punchClosed', ['text']],
  [/^(?:created from )?promise preset (.+)$/, 'preset', ['preset']],
  [/^(\d{4}-\d{2}-\d{2}) → (\d{4}-\d{2}-\d{2})$/, 'moved', ['from', 'to']],
];

function summaryWords(t: TFunction, summary: string | null): string {
  if (!summary) return '';
  for (const [re, key, names] of PATTERNS) {
    const m = re.exec(summary);
    if (m) return t(`audit.patterns.${key}`, Object.fromEntries(names.map((n, i) => [n, m[i + 1]])));
  }
  return t(`audit.summaries.${summary}`, { defaultValue: summary });
}

/**
 * One audit row in words, in the current language: "驳回 技改申请 JG-2026-0012：已提交 → 已驳回".
 * The method name stays available beside it as the technical detail.
 */
export function auditWords(t: TFunction, row: AuditRow): string {
  const before = obj(row.before);
  const after = obj(row.after);
  // A step of a workflow names the step itself (驳回, 批准 …); other writes name the method (保存树障记录 …).
  const step =
    row.method === 'upgrades.transition' && str(after?.action) ? t(`upgrades.actions.${String(after!.action)}`) : null;
  const action = step ?? t(`audit.methods.${row.method}`, { defaultValue: row.method });
  // Signing in, out or changing one's own password is about the person in the user column.
  const ownAccount = SELF_METHODS.has(row.method);
  const entity = row.entity && !ownAccount ? t(`audit.entities.${row.entity}`, { defaultValue: '' }) : '';
  const record = ownAccount ? '' : recordName(row);
  const head = [action, entity && !action.includes(entity) ? entity : '', record].filter(Boolean).join(' ');

  const details: string[] = [];
  const group = row.entity ? STATUS_LABELS[row.entity] : undefined;
  const from = str(before?.status);
  const to = str(after?.status);
  if (group && from && to && from !== to)
    details.push(`${t(`${group}.${from}`, { defaultValue: from })} → ${t(`${group}.${to}`, { defaultValue: to })}`);
  else if (!step) {
    const said = summaryWords(t, row.summary);
    if (said && said !== action) details.push(said);
  }
  const comment = str(after?.comment);
  if (comment) details.push(t('audit.quoted', { text: comment }));
  return details.length ? `${head}${t('audit.colon')}${details.join(t('audit.comma'))}` : head;
}
