import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { loadFormFor } from '../../db/queries/form-state.ts';
import { presentCheck, type CheckView } from '../../presenters/check-view.ts';

/** The check page of a submitted form: its sealed version, findings, decisions and history (the center). */
export async function getCheck(ctx: UseCaseContext, formId: string): Promise<CheckView> {
  const actor = requireAllowed(ctx.actor.kind === 'user' && ctx.actor.role === 'center', ctx.actor);
  const state = await loadFormFor(ctx.db, actor, formId, 'viewHistory');
  return presentCheck(ctx, state, ctx.clock.now());
}
