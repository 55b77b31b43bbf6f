import type { InputOf, MethodName, OutputOf, Role } from '../../electron/contract';

export const ADMIN_PASSWORD = 'Admin2026';

/** Direct API calls, as another user at another desk would make them. */
export async function api<M extends MethodName>(
  base: string,
  method: M,
  input: InputOf<M>,
  token?: string,
): Promise<OutputOf<M>> {
  const res = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; result: OutputOf<M>; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

export async function adminToken(base: string): Promise<string> {
  return (await api(base, 'accounts.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
}

/** A tree-hazard record saved by "someone else" on one of the lines global-setup created. */
export async function createRecord(base: string, lineName: string, fields: Omit<InputOf<'vegetation.save'>, 'lineId'>) {
  const token = await adminToken(base);
  const { lines } = await api(base, 'reference.options', {}, token);
  const line = lines.find((l) => l.name === lineName);
  if (!line) throw new Error(`no line ${lineName}`);
  const { record } = await api(base, 'vegetation.save', { ...fields, lineId: line.id }, token);
  return { record, token };
}

/** A signed-in user of a role whose first password is already changed (made once per seeded database). */
export async function userToken(base: string, username: string, role: Role, password: string): Promise<string> {
  // Already made by an earlier try of the test. (Asked of the users list, not by trying to sign in:
  // failed sign-ins from one address are counted, and the whole suite runs from 127.0.0.1.)
  const token = await adminToken(base);
  const known = await api(
    base,
    'accounts.listUsers',
    { startRow: 0, endRow: 1, filterModel: { username: { filterType: 'text', type: 'equals', filter: username } } },
    token,
  );
  if (known.rowCount > 0) return (await api(base, 'accounts.login', { username, password })).token;
  await api(
    base,
    'accounts.saveUser',
    { username, displayName: username, role, active: true, initialPassword: 'Start1234' },
    token,
  );
  const first = await api(base, 'accounts.login', { username, password: 'Start1234' });
  await api(base, 'accounts.changePassword', { currentPassword: 'Start1234', newPassword: password }, first.token);
  return (await api(base, 'accounts.login', { username, password })).token;
}
