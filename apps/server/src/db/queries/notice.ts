import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DomainError, type HashFunction, type NoticeItem as DomainNoticeItem } from '@zhengji/domain';
import type { Db } from '../client.ts';
import { campaigns, candidateUnits, candidates, notices, units, type NoticeItem } from '../schema/index.ts';
import { requireAllowed } from '../../use-cases/authorize.ts';
import { canNotice, type NoticeAction } from '@zhengji/domain/notice/notice.policy.ts';
import type { UseCaseContext } from '../../use-cases/context.ts';

/** SHA-256 from node:crypto, synchronous, for notice snapshots and final lists. */
export const SHA256: HashFunction = { algorithm: 'sha256', digest: (d) => createHash('sha256').update(d).digest('hex') };

/** Authorizes an action of the notice step; returns the logged-in actor. */
export function authorizeNotice(ctx: UseCaseContext, action: NoticeAction) {
  return requireAllowed(canNotice(ctx.actor, action), ctx.actor);
}

/** The selected candidates of a campaign as listed items (序号 by occupation code, then 工种), with their units by priority. */
export async function selectedItems(db: Db, campaignId: string): Promise<NoticeItem[]> {
  const rows = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.campaignId, campaignId), eq(candidates.status, 'selected'), sql`${candidates.mergedIntoId} IS NULL`))
    .orderBy(asc(candidates.occupationCode), asc(candidates.jobTypeName));
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db
        .select({ candidateId: candidateUnits.candidateId, name: units.name, priority: candidateUnits.priority })
        .from(candidateUnits)
        .innerJoin(units, eq(units.id, candidateUnits.unitId))
        .where(inArray(candidateUnits.candidateId, ids))
    : [];
  return rows.map((c, i) => {
    const own = links.filter((l) => l.candidateId === c.id).sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name, 'zh-CN'));
    const names = own.length ? own.map((l) => l.name) : [...new Set(c.sources.map((s) => s.unitName))];
    return {
      seq: i + 1,
      candidateId: c.id,
      occupationCode: c.occupationCode,
      occupationName: c.occupationName,
      jobTypeName: c.jobTypeName,
      standardName: c.standardName,
      standardVersion: c.standardVersion,
      industries: [...c.industries],
      recommendingUnits: names,
    };
  });
}

/** The domain's view of a stored item (its id is the candidate's id). */
export function toDomainItem(i: NoticeItem): DomainNoticeItem {
  return { ...i, itemId: i.candidateId };
}

/** A notice row or NOT_FOUND. */
export async function loadNotice(db: Db, id: string) {
  const [row] = await db.select().from(notices).where(eq(notices.id, id));
  if (!row) throw new DomainError('NOT_FOUND', '该公示不存在');
  return row;
}

/** A campaign row or NOT_FOUND. */
export async function loadCampaign(db: Db, id: string) {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw new DomainError('NOT_FOUND', '该征集活动不存在');
  return row;
}

/** Label of an item: 职业编码 职业（工种）. */
export function itemLabel(i: Pick<NoticeItem, 'occupationCode' | 'occupationName' | 'jobTypeName'>): string {
  return `${i.occupationCode} ${i.occupationName}${i.jobTypeName ? `（${i.jobTypeName}）` : ''}`;
}
