import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { loadFormFor } from '../../db/queries/form-state.ts';
import { presentForm, type FormView } from '../../presenters/form-view.ts';

/** One form by id: its unit's users and the center; to anyone else it does not exist. */
export async function getForm(ctx: UseCaseContext, formId: string): Promise<FormView> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const state = await loadFormFor(ctx.db, actor, formId, 'view');
  return presentForm(ctx.db, { actor, config: ctx.config, now: ctx.clock.now() }, state);
}
