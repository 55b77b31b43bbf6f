import { z } from 'zod';
import { ADMIN_ONLY, EVERYONE, ROLES, command, query } from './method';
import { gridPage, gridRequest, id, okOutput, recordMeta, requiredText, version } from './common';

export const role = z.enum(ROLES);

/** Passwords: 8–128 characters with a letter and a digit. */
export const newPassword = z
  .string()
  .min(8, { error: 'accounts.password.too_short' })
  .max(128, { error: 'validation.too_long' })
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), { error: 'accounts.password.weak' });

export const username = z
  .string()
  .trim()
  .min(2, { error: 'accounts.username.format' })
  .max(32, { error: 'accounts.username.format' })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: 'accounts.username.format' });

export const sessionUser = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const userRow = z.object({
  ...recordMeta,
  username: z.string(),
  displayName: z.string(),
  role,
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type UserRow = z.infer<typeof userRow>;

export const userInput = z.object({
  id: id.optional(),
  version: version.optional(),
  username,
  displayName: requiredText(40),
  role,
  active: z.boolean().default(true),
  /** Required when creating a user; the user must change it at first login. */
  initialPassword: newPassword.optional(),
});
export type UserInput = z.input<typeof userInput>;

export const loginOutput = z.object({ token: z.string(), user: sessionUser });

/** A one-time code the office server prints at its first start: "7KQM-4XZT-9RHB". */
export const setupCode = z.string().trim().max(40);

/** A sign-in lock in force: one user name from one address, or an address across names. */
export const signInLock = z.object({
  key: z.string(),
  scope: z.enum(['pair', 'address']),
  username: z.string().nullable(),
  address: z.string(),
  failures: z.number().int().min(0),
  lastAt: z.string(),
  lockedUntil: z.string(),
});
export type SignInLock = z.infer<typeof signInLock>;

export const accountsMethods = {
  /** needsCode: an office server takes the first admin password only with the code on its console. */
  'accounts.setupStatus': query('public', z.object({}), z.object({ needsSetup: z.boolean(), needsCode: z.boolean() })),
  /** First run only: set the admin's password (there is no default password) and sign in. */
  'accounts.setup': command(
    'public',
    z.object({ password: newPassword, displayName: requiredText(40).optional(), setupCode: setupCode.optional() }),
    loginOutput,
  ),
  'accounts.login': command(
    'public',
    z.object({
      username: z.string().trim().min(1, { error: 'validation.required' }).max(64),
      password: z.string().min(1, { error: 'validation.required' }).max(256),
    }),
    loginOutput,
  ),
  'accounts.logout': command(EVERYONE, z.object({}), okOutput),
  'accounts.me': query(EVERYONE, z.object({}), sessionUser),
  'accounts.changePassword': command(
    EVERYONE,
    z.object({ currentPassword: z.string().min(1, { error: 'validation.required' }).max(256), newPassword }),
    okOutput,
  ),
  'accounts.listUsers': query(ADMIN_ONLY, gridRequest, gridPage(userRow)),
  'accounts.saveUser': command(ADMIN_ONLY, userInput, userRow),
  'accounts.resetPassword': command(ADMIN_ONLY, z.object({ id, newPassword }), okOutput),
  /** Sign-in locks in force (failed passwords), for the users page. */
  'accounts.signInLocks': query(ADMIN_ONLY, z.object({}), z.object({ rows: z.array(signInLock) })),
  'accounts.clearSignInLock': command(ADMIN_ONLY, z.object({ key: z.string().min(1).max(200) }), okOutput),
} as const;
