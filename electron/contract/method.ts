import type { z } from 'zod';

/** The four office roles. Order is not a hierarchy: each method lists who may call it. */
export const ROLES = ['clerk', 'planner', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a method: anyone (login screen), any signed-in user, or the listed roles. */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Writes change data: they get an audit row and are refused to read-only sessions. */
  writes: boolean;
}

export function query<I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O): MethodDef<I, O> {
  return { input, output, access, writes: false };
}

export function command<I extends z.ZodType, O extends z.ZodType>(
  access: Access,
  input: I,
  output: O,
): MethodDef<I, O> {
  return { input, output, access, writes: true };
}

export function allows(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'signedIn') return true;
  return access.includes(role);
}

/** Shorthands used across modules. */
export const EVERYONE: Access = 'signedIn';
export const ADMIN_ONLY: readonly Role[] = ['admin'];
export const LEDGER_EDITORS: readonly Role[] = ['clerk', 'planner', 'admin'];
export const REFERENCE_EDITORS: readonly Role[] = ['planner', 'admin'];
/** Plans: the trimming plan, outage requests, the duty roster (generate, publish, overrides). */
export const PLANNERS: readonly Role[] = ['planner', 'admin'];
/** Approvals: upgrade requests, outage windows, the month's trimming plan, budgets. */
export const APPROVERS: readonly Role[] = ['manager', 'admin'];
