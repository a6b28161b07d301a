import { eq } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { DomainError, FORM_MAX_ROWS } from '@zhengji/domain';
import { campaigns, units } from '../../db/schema/index.ts';
import { renderFormTemplateXlsx } from '../../documents/form-template.xlsx.ts';
import type { UseCaseContext } from '../context.ts';
import { safeFileName, type RenderedDocument } from './download-form-document.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Campaigns whose call has been published (a draft campaign is the center's business only). */
const PUBLISHED = new Set(['open', 'closed', 'reviewing', 'publicizing', 'published', 'archived']);

// The anonymous template is the same for every visitor of the call page: render it once per campaign and tags.
const anonymousCache = new LRUCache<string, Buffer>({ max: 16 });

async function render(industryTags: readonly string[] | undefined, unitName: string): Promise<Buffer> {
  return renderFormTemplateXlsx({ industryTags, unitName, rows: FORM_MAX_ROWS });
}

/**
 * The offline Excel template of a campaign (its industry tags in the dropdown) for anyone: a unit user gets the
 * unit's name filled in; the public gets a blank one with no personal data. Refused for a campaign not yet published
 * (except for the center).
 */
export async function downloadFormTemplate(ctx: UseCaseContext, campaignId: string): Promise<RenderedDocument> {
  const [campaign] = await ctx.db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  const isCenter = ctx.actor.kind === 'user' && ctx.actor.role === 'center';
  if (!campaign || (!PUBLISHED.has(campaign.status) && !isCenter)) throw new DomainError('NOT_FOUND', '该征集活动不存在或尚未发布');
  const tags = campaign.industryTags.length > 0 ? campaign.industryTags : undefined;
  let unitName = '';
  if (ctx.actor.kind === 'user' && ctx.actor.role === 'unit' && ctx.actor.unitId) {
    const [unit] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, ctx.actor.unitId));
    unitName = unit?.name ?? '';
  }
  let bytes: Buffer;
  if (unitName === '') {
    const key = `${campaign.id}|${(tags ?? []).join('、')}`;
    const hit = anonymousCache.get(key);
    bytes = hit ?? (await render(tags, ''));
    if (!hit) anonymousCache.set(key, bytes);
  } else {
    bytes = await render(tags, unitName);
  }
  return {
    bytes,
    contentType: XLSX,
    fileName: safeFileName(`推荐表模板-${String(campaign.year)}${unitName ? `-${unitName}` : ''}.xlsx`),
    asciiFileName: `recommendation-form-template-${String(campaign.year)}.xlsx`,
  };
}
