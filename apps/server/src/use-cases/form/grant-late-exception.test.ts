import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '@zhengji/domain';
import { createTestApp } from '../../../test/test-app.ts';
import { createUnitRow, createUserRow } from '../../../test/factories.ts';
import { auditLog, campaigns, formLateExceptions } from '../../db/schema/index.ts';
import { grantLateException } from './grant-late-exception.ts';

const { db, clock, mailer, config } = await createTestApp();
const actorOf = (u: { id: string; username: string; role: string; unitId: string | null }): Actor => ({
  kind: 'user',
  userId: u.id,
  username: u.username,
  role: u.role as 'center',
  unitId: u.unitId,
});

async function setup(status: 'open' | 'closed' | 'reviewing' = 'closed') {
  const [campaign] = await db
    .insert(campaigns)
    .values({ year: 2024, title: 't', docNo: 'd', issuer: 'i', issueDate: '2024-09-25', deadline: '2024-10-22', status })
    .returning();
  const unit = await createUnitRow(db);
  const center = await createUserRow(db, 'center');
  return { campaign: campaign!, unit, ctx: { db, clock, mailer, config, ip: '127.0.0.1', actor: actorOf(center) } };
}

describe('grantLateException', () => {
  it('grants, then replaces, a unit late exception with an audit row', async () => {
    clock.set('2024-10-23T09:00:00+08:00');
    const { campaign, unit, ctx } = await setup();
    await grantLateException(ctx, { campaignId: campaign.id, unitId: unit.id, reason: '系统故障', until: new Date('2024-10-24T17:00:00+08:00') });
    const second = await grantLateException(ctx, {
      campaignId: campaign.id,
      unitId: unit.id,
      reason: '再延一天',
      until: new Date('2024-10-25T17:00:00+08:00'),
    });
    expect(second.until.toISOString()).toBe('2024-10-25T09:00:00.000Z');
    const rows = await db
      .select()
      .from(formLateExceptions)
      .where(and(eq(formLateExceptions.campaignId, campaign.id), eq(formLateExceptions.unitId, unit.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reason).toBe('再延一天');
    const audits = await db.select().from(auditLog).where(eq(auditLog.objectId, campaign.id));
    expect(audits.map((a) => a.action)).toEqual(['form.grantLateException', 'form.grantLateException']);
  });

  it('refuses other roles, a past time limit, an empty reason, and campaigns past the material check', async () => {
    clock.set('2024-10-23T09:00:00+08:00');
    const { campaign, unit, ctx } = await setup();
    const unitUser = await createUserRow(db, 'unit');
    const input = { campaignId: campaign.id, unitId: unit.id, reason: '理由', until: new Date('2024-10-24T17:00:00+08:00') };
    await expect(grantLateException({ ...ctx, actor: actorOf(unitUser) }, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(grantLateException(ctx, { ...input, until: new Date('2024-10-22T17:00:00+08:00') })).rejects.toMatchObject({
      message: '延期时限须晚于当前时间',
    });
    await expect(grantLateException(ctx, { ...input, reason: ' ' })).rejects.toMatchObject({ message: '请填写延期理由（不超过 500 字）' });
    const later = await setup('reviewing');
    await expect(grantLateException(later.ctx, { ...input, campaignId: later.campaign.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
