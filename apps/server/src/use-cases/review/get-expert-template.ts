import { DEFAULT_INDUSTRY_TAGS } from '@zhengji/domain';
import { units } from '../../db/schema/index.ts';
import { renderExpertTemplateXlsx } from '../../documents/expert-list.xlsx.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReview } from '../../db/queries/review-round.ts';

/** The Excel template of the expert list (units and industry tags listed for the dropdowns). */
export async function getExpertTemplate(ctx: UseCaseContext): Promise<Buffer> {
  authorizeReview(ctx.actor, 'manageExperts');
  const names = (await ctx.db.select({ name: units.name }).from(units).orderBy(units.name)).map((u) => u.name);
  return renderExpertTemplateXlsx(names, DEFAULT_INDUSTRY_TAGS);
}
