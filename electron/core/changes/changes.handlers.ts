import type { Handlers } from '../context';

export const changesHandlers: Handlers<'changes.since'> = {
  'changes.since': async (input, ctx) => ctx.runtime.changes.since(input.version, ctx.session?.tokenHash ?? null),
};
