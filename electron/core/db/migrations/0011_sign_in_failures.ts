import type { Kysely } from 'kysely';

/**
 * Failed sign-ins, counted in the database so a restart forgets nothing and two servers' worth of
 * parallel attempts count alike: one row per (user name, client address) and one per address.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    // 'pair:<user name>|<address>' or 'address:<address>'.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    /** The first failure the count runs from (an address's count is kept for a window of minutes). */
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}
