import type { Expert } from '@zhengji/domain/review/review.panel.ts';
import { selectExperts } from '../../db/queries/review.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReview } from '../../db/queries/review-round.ts';

/** The expert pool (center). */
export async function listExperts(ctx: UseCaseContext): Promise<Expert[]> {
  authorizeReview(ctx.actor, 'manageExperts');
  return selectExperts(ctx.db);
}
