import type { Kysely } from 'kysely';
import type { AuditRow, GridRequest } from '../../contract';
import type { AuditEntry } from '../context';
import type { DB } from '../db/schema';
import { gridPageOf, type GridColumns } from '../shared/grid-query';

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));

export async function writeAudit(
  db: Kysely<DB>,
  at: string,
  user: { id: number; username: string } | null,
  method: string,
  entries: AuditEntry[],
): Promise<void> {
  const rows = (entries.length > 0 ? entries : [{ entity: null, entityId: null } as unknown as AuditEntry]).map(
    (e) => ({
      at,
      user_id: user?.id ?? null,
      username: user?.username ?? null,
      method,
      entity: e.entity ?? null,
      entity_id: e.entityId === null || e.entityId === undefined ? null : String(e.entityId),
      summary: e.summary ?? null,
      before_json: json(e.before),
      after_json: json(e.after),
    }),
  );
  // Chunked: a bulk delete can audit thousands of rows in one call.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
}

const AUDIT_COLUMNS: GridColumns = {
  at: { ref: 'a.at', type: 'date' },
  username: { ref: 'a.username', type: 'text' },
  userName: { ref: 'u.display_name', type: 'text' },
  method: { ref: 'a.method', type: 'text' },
  entity: { ref: 'a.entity', type: 'text' },
  entityId: { ref: 'a.entity_id', type: 'text' },
  summary: { ref: 'a.summary', type: 'text' },
};

// The person as the office knows them (display name), beside the user name the row was written with.
const auditQuery = (db: Kysely<DB>) => db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.user_id');

export function listAudit(db: Kysely<DB>, req: GridRequest & { entity?: string; entityId?: string }) {
  return gridPageOf({
    base: () => {
      let q = auditQuery(db);
      if (req.entity) q = q.where('a.entity', '=', req.entity);
      if (req.entityId) q = q.where('a.entity_id', '=', req.entityId);
      return q;
    },
    select: (q) => (q as ReturnType<typeof auditQuery>).selectAll('a').select('u.display_name'),
    req,
    columns: AUDIT_COLUMNS,
    search: ['a.username', 'u.display_name', 'a.method', 'a.summary'],
    tieBreaker: 'a.id',
    // Newest first unless the user sorts otherwise.
    defaultSort: [{ colId: 'at', sort: 'desc' }],
    map: (r): AuditRow => ({
      id: r.id,
      at: r.at,
      username: r.username,
      userName: r.display_name ?? r.username,
      method: r.method,
      entity: r.entity,
      entityId: r.entity_id,
      summary: r.summary,
      before: parse(r.before_json),
      after: parse(r.after_json),
    }),
  });
}
