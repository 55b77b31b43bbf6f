import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { GridRequest, Role, UserRow } from '../../contract';
import type { DB, UsersTable } from '../db/schema';
import { gridPageOf, type GridColumns } from '../shared/grid-query';

export function toUserRow(u: Selectable<UsersTable>): UserRow {
  return {
    id: u.id,
    version: u.version,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    active: u.active === 1,
    lastLoginAt: u.last_login_at,
  };
}

export const findUserById = (db: Kysely<DB>, id: number) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByName = (db: Kysely<DB>, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export async function countActiveAdmins(db: Kysely<DB>, exceptId?: number): Promise<number> {
  let q = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

const USER_COLUMNS: GridColumns = {
  username: { ref: 'username', type: 'text' },
  displayName: { ref: 'display_name', type: 'text' },
  role: { ref: 'role', type: 'text' },
  lastLoginAt: { ref: 'last_login_at', type: 'date' },
};

const usersQuery = (db: Kysely<DB>) => db.selectFrom('users');

export const listUsers = (db: Kysely<DB>, req: GridRequest) =>
  gridPageOf({
    base: () => usersQuery(db),
    select: (q) => (q as ReturnType<typeof usersQuery>).selectAll(),
    req,
    columns: USER_COLUMNS,
    search: ['username', 'display_name'],
    tieBreaker: 'id',
    defaultSort: [{ colId: 'username', sort: 'asc' }],
    map: toUserRow,
  });
/** First start: an admin account exists, with no password until the first-run screen sets one. */
export async function ensureAdmin(db: Kysely<DB>, now: string): Promise<void> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return;
  await db
    .insertInto('users')
    .values({
      username: 'admin',
      display_name: '系统管理员',
      role: 'admin',
      password_hash: null,
      must_change_password: 0,
      active: 1,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Whether the first run is done: some account has a password. */
export async function anyUserHasPassword(db: Kysely<DB>): Promise<boolean> {
  const r = await db
    .selectFrom('users')
    .select('id')
    .where('password_hash', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** The admin account the first run sets up (the oldest). */
export const firstAdmin = (db: Kysely<DB>) =>
  db.selectFrom('users').selectAll().where('role', '=', 'admin').orderBy('id').executeTakeFirstOrThrow();

export const insertUser = (db: Kysely<DB>, row: Insertable<UsersTable>) =>
  db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();

/** Some of a user's columns (a sign-in time, a new password hash), without the version check of a form's save. */
export async function setUserColumns(db: Kysely<DB>, id: number, columns: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(columns).where('id', '=', id).execute();
}
