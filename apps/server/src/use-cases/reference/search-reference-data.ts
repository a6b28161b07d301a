import { searchReference, type ReferenceSearchResult } from '@zhengji/domain';
import { getReferenceIndexForCampaign } from '../../reference/reference-cache.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReference } from './reference-policy.ts';

/** Searches occupations and 工种 by code, name, pinyin or initials (a campaign's bound versions when given). */
export async function searchReferenceData(
  ctx: UseCaseContext,
  input: { q: string; limit?: number; campaignId?: string | null },
): Promise<ReferenceSearchResult[]> {
  authorizeReference(ctx.actor, 'reference.search');
  const index = await getReferenceIndexForCampaign(ctx.db, input.campaignId ?? null);
  return searchReference(index, input.q, { limit: input.limit });
}
