import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';
import { AI_TRAINER, ELDER_CARE, REFERENCE_DIR, openCampaignRow, submitAsUnit, unitWithUser } from '../../test/center-fixtures.ts';
import { campaigns, candidates, notifications, outbox } from '../db/schema/index.ts';
import type { FormHistory } from '@zhengji/domain';

const { app, db, clock } = await createTestApp({
  referenceDir: REFERENCE_DIR,
  loginIpLimitPerMinute: 100_000,
  sessionIdleMinutes: 10_000_000,
  sessionAbsoluteHours: 1_000_000,
});

async function accept(c: Session, formId: string, fail: number[] = []) {
  const { version } = (await c.inject({ method: 'POST', url: `/api/checks/${formId}/start` })).json();
  const decided = await c.inject({
    method: 'PUT',
    url: `/api/checks/${formId}/decisions`,
    payload: {
      version,
      decisions: fail.map((rowIndex) => ({ rowIndex, decision: 'fail', reasonCode: 'already_offered', reasonText: '本市已于2023年开展该职业认定' })),
    },
  });
  const res = await c.inject({ method: 'POST', url: `/api/checks/${formId}/accept`, payload: { version: decided.json().version } });
  expect(res.statusCode, res.body).toBe(200);
}

const history = async (s: Session) => {
  const res = await s.inject({ method: 'GET', url: '/api/forms/mine/history' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FormHistory;
};

describe('GET /api/forms/mine/history', () => {
  it('401 without a session; 403 for the center with the Chinese message', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/forms/mine/history' })).statusCode).toBe(401);
    const center = await loginAs(app, (await createUserRow(db, 'center')).username);
    const res = await center.inject({ method: 'GET', url: '/api/forms/mine/history' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/权限/);
  });

  it('follows each row from submission through the check, the experts, the notice and the final list; survives archiving; only the own unit', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const a = await unitWithUser(app, db);
    const b = await unitWithUser(app, db, { type: 'industry' });
    const loner = await unitWithUser(app, db);
    expect((await history(loner.s)).entries).toEqual([]);
    const campaign = await openCampaignRow(db, [a.unit.id, b.unit.id]);
    const fa = await submitAsUnit(a.s, campaign.id, [ELDER_CARE, AI_TRAINER]);
    const fb = await submitAsUnit(b.s, campaign.id, [ELDER_CARE]);

    let h = await history(a.s);
    expect(h.entries).toHaveLength(1);
    expect(h.entries[0]).toMatchObject({ formId: fa, statusLabel: '已提交', versionNumber: 1, campaign: { title: campaign.title, statusLabel: '征集中' } });
    expect(h.entries[0]!.rows.map((r) => r.outcomeLabel)).toEqual(['待核验', '待核验']);

    const center = await loginAs(app, (await createUserRow(db, 'center')).username);
    await accept(center, fa, [1]);
    await accept(center, fb);
    expect((await center.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/pool/refresh` })).statusCode).toBe(200);
    h = await history(a.s);
    const [elder, ai] = h.entries[0]!.rows;
    expect(elder).toMatchObject({ occupationCode: '4-10-01-05', check: { decision: 'pass' }, outcome: 'in_review', outcomeLabel: '专家评估中' });
    expect(ai).toMatchObject({
      check: { decision: 'fail', reasonCode: 'already_offered', reason: '本市已开展：本市已于2023年开展该职业认定' },
      outcomeLabel: '核验未通过',
      outcomeReason: '本市已开展：本市已于2023年开展该职业认定',
    });

    // Experts decide: each recommending unit is told, in the application and by e-mail, in the same transaction.
    await db.update(campaigns).set({ status: 'reviewing' }).where(eq(campaigns.id, campaign.id));
    const [cand] = await db
      .select()
      .from(candidates)
      .where(and(eq(candidates.campaignId, campaign.id), eq(candidates.occupationCode, '4-10-01-05')));
    const decided = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/review/decisions`,
      payload: { candidates: [{ id: cand!.id, version: cand!.version }], decision: 'selected' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    h = await history(a.s);
    expect(h.entries[0]!.rows[0]!.outcomeLabel).toBe('入选');
    for (const u of [a, b]) {
      const mine = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, u.user.id), eq(notifications.kind, 'outcome')));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.title).toBe('【征集】专家评估结果');
      expect(mine[0]!.body).toContain('养老护理员 4-10-01-05：入选');
    }
    const mails = await db.select().from(outbox).where(eq(outbox.subject, '【征集】专家评估结果'));
    expect(mails.map((m) => m.to).sort()).toEqual([`${a.unit.contactEmail}, ${a.user.email}`, `${b.unit.contactEmail}, ${b.user.email}`].sort());

    // The notice: 公示中, then the final list: 最终名单, each unit told again.
    clock.set('2024-10-25T10:00:00+08:00');
    const created = await center.inject({
      method: 'POST',
      url: '/api/notices',
      payload: { campaignId: campaign.id, title: '2024年职业（工种）公示', docNo: '沪职鉴〔2024〕1号', body: '现将名单公示如下。', startDate: '2024-10-28' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const published = await center.inject({ method: 'POST', url: `/api/notices/${created.json().id}/publish`, payload: { version: created.json().version } });
    expect(published.statusCode, published.body).toBe(200);
    expect((await history(a.s)).entries[0]!.rows[0]!.outcomeLabel).toBe('公示中');
    clock.set('2024-11-20T10:00:00+08:00');
    const final = await center.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/final-list`, payload: {} });
    expect(final.statusCode, final.body).toBe(201);
    h = await history(a.s);
    expect(h.entries[0]!.rows.map((r) => r.outcomeLabel)).toEqual(['最终名单', '核验未通过']);
    expect(h.entries[0]!.summary).toBe('共 2 项：最终名单 1 项，核验未通过 1 项');
    const finalNote = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, b.user.id), eq(notifications.title, '【征集】最终名单已发布')));
    expect(finalNote[0]!.body).toContain('养老护理员 4-10-01-05：列入最终名单');

    // Archived: the history and the home page still say where the unit stands.
    await db.update(campaigns).set({ status: 'archived' }).where(eq(campaigns.id, campaign.id));
    h = await history(a.s);
    expect(h.entries[0]!.campaign.statusLabel).toBe('已归档');
    expect(h.entries[0]!.rows[0]!.outcomeLabel).toBe('最终名单');
    const home = (await a.s.inject({ method: 'GET', url: '/api/dashboard' })).json() as { cards: { value: unknown; hint: string }[] };
    expect(home.cards[0]!.value).toBe('已受理');
    expect(home.cards[0]!.hint).toContain('已归档');

    // Only the unit's own forms.
    const hb = await history(b.s);
    expect(hb.entries.map((e) => e.formId)).toEqual([fb]);
    expect((await history(loner.s)).entries).toEqual([]);
  });
});
