import { and, eq, gt, gte, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  CAMPAIGN_STATUS_LABELS,
  DomainError,
  FORM_STATUS_LABELS,
  endOfShanghaiDay,
  formatChineseDate,
  shanghaiIsoDate,
  type Dashboard,
  type DashboardCard,
} from '@zhengji/domain';
import type { Db } from '../../db/client.ts';
import { assignments, auditLog, campaigns, candidates, experts, formRows, forms, objections, reviews, units, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';

async function count(db: Db, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return row?.n ?? 0;
}

const card = (key: string, title: string, value: number | string, hint: string, link: string | null, suffix?: string): DashboardCard => ({
  key,
  title,
  value,
  hint,
  link,
  suffix,
});

async function unitCards(db: Db, unitId: string, now: Date): Promise<DashboardCard[]> {
  const [campaign] = await db
    .select()
    .from(campaigns)
    .where(eq(campaigns.status, 'open'))
    .orderBy(sql`${campaigns.deadline} desc`)
    .limit(1);
  if (!campaign) {
    // After the call closed the unit still sees where its last form stands; the history lists every campaign.
    const [last] = await db
      .select({ form: forms, campaign: campaigns })
      .from(forms)
      .innerJoin(campaigns, eq(campaigns.id, forms.campaignId))
      .where(eq(forms.unitId, unitId))
      .orderBy(sql`${campaigns.createdAt} desc`)
      .limit(1);
    if (!last) return [card('form', '本单位推荐表', '暂无征集', '当前没有开放的征集活动', null)];
    return [
      card(
        'form',
        '本单位推荐表',
        FORM_STATUS_LABELS[last.form.status],
        `${last.campaign.title}（${CAMPAIGN_STATUS_LABELS[last.campaign.status]}）；各条目的核验与评估结果见下方“本单位推荐记录”`,
        null,
      ),
    ];
  }
  const [form] = await db
    .select()
    .from(forms)
    .where(and(eq(forms.campaignId, campaign.id), eq(forms.unitId, unitId)));
  const rows = form ? await count(db, formRows, eq(formRows.formId, form.id)) : 0;
  const days = Math.ceil((endOfShanghaiDay(campaign.deadline).getTime() - now.getTime()) / 86_400_000);
  return [
    card('form', '本单位推荐表', form ? FORM_STATUS_LABELS[form.status] : '未开始', campaign.title, '/form'),
    card('rows', '推荐职业（工种）', rows, '本单位推荐表中的条目数', '/form', '项'),
    card(
      'deadline',
      '距截止时间',
      days > 0 ? days : '已截止',
      `截止日期 ${formatChineseDate(endOfShanghaiDay(campaign.deadline))}（含当日）`,
      '/form',
      days > 0 ? '天' : undefined,
    ),
  ];
}

/** The figures of the actor's home page, by role. */
export async function getDashboard(ctx: UseCaseContext): Promise<Dashboard> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', '请先登录');
  const db = ctx.db;
  const now = ctx.clock.now();
  switch (actor.role) {
    case 'admin':
      return {
        cards: [
          card('users', '系统用户', await count(db, users, eq(users.disabled, false)), '启用中的账号', '/admin/users', '个'),
          card('units', '推荐单位', await count(db, units), '区人社局与行业主管部门', '/admin/units', '家'),
          card('locked', '锁定账号', await count(db, users, gt(users.lockedUntil, now)), '连续输错密码被临时锁定的账号', '/admin/users', '个'),
        ],
      };
    case 'center':
      return {
        cards: [
          card('campaigns', '进行中的征集', await count(db, campaigns, eq(campaigns.status, 'open')), '当前开放的征集活动', '/campaigns', '个'),
          card('submitted', '待核验推荐表', await count(db, forms, eq(forms.status, 'submitted')), '已提交、等待材料核验', '/checks', '份'),
          card(
            'candidates',
            '候选职业（工种）',
            await count(db, candidates, and(isNull(candidates.mergedIntoId), ne(candidates.status, 'withdrawn'))),
            '候选职业库中的条目',
            '/pool',
            '项',
          ),
          card(
            'objections',
            '待处理异议',
            await count(db, objections, inArray(objections.status, ['received', 'accepted', 'investigating'])),
            '公示期内尚未办结的异议',
            '/notices',
            '件',
          ),
        ],
      };
    case 'unit':
      return { cards: actor.unitId ? await unitCards(db, actor.unitId, now) : [] };
    case 'expert': {
      // A 回避 assignment (flagged after it was made) is no longer the expert's to do.
      const mine = and(eq(experts.userId, actor.userId), eq(assignments.status, 'active'), eq(assignments.conflictFlag, false));
      const [row] = await db
        .select({ total: sql<number>`count(*)::int`, done: sql<number>`count(*) filter (where ${reviews.status} = 'submitted')::int` })
        .from(assignments)
        .innerJoin(experts, eq(experts.id, assignments.expertId))
        .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
        .where(mine);
      const total = row?.total ?? 0;
      const done = row?.done ?? 0;
      return {
        cards: [
          card('todo', '待评估候选', total - done, '分配给您、尚未提交评审的候选职业（工种）', '/review/my', '项'),
          card('done', '已完成评估', done, '已提交评分与意见', '/review/my', '项'),
        ],
      };
    }
    case 'auditor': {
      const today = new Date(`${shanghaiIsoDate(now)}T00:00:00+08:00`);
      return {
        cards: [
          card('today', '今日审计事件', await count(db, auditLog, gte(auditLog.at, today)), '今日记录的操作', '/audit', '条'),
          card(
            'denied',
            '今日拒绝与失败',
            await count(db, auditLog, and(gte(auditLog.at, today), ne(auditLog.result, 'ok'))),
            '被拒绝或失败的操作（如登录失败）',
            '/audit',
            '条',
          ),
        ],
      };
    }
  }
}
