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

export const accountsMethods = {
  'accounts.setupStatus': query('public', z.object({}), z.object({ needsSetup: z.boolean() })),
  /** First run only: set the admin's password (there is no default password) and sign in. */
  'accounts.setup': command(
    'public',
    z.object({ password: newPassword, displayName: requiredText(40).optional() }),
    loginOutput,
  ),
  'accounts.login': command(
    'public',
    z.object({ username: z.string().trim().min(1, { error: 'validation.required' }).max(64), password: z.string().min(1, { error: 'validation.required' }).max(256) }),
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
} as const;
