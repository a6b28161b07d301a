import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { REFERENCE_DIR, openCampaignRow, submitAsUnit, unitWithUser } from '../../test/center-fixtures.ts';
import { auditLog, campaigns, checkDecisions, forms, notifications, outbox } from '../db/schema/index.ts';

const { app, db, clock } = await createTestApp({
  referenceDir: REFERENCE_DIR,
  loginIpLimitPerMinute: 100_000,
  sessionIdleMinutes: 10_000_000,
  sessionAbsoluteHours: 1_000_000,
});
const center = async () => loginAs(app, (await createUserRow(db, 'center')).username);

async function submitted() {
  clock.set('2024-10-08T10:00:00+08:00');
  const u = await unitWithUser(app, db);
  const campaign = await openCampaignRow(db, [u.unit.id]);
  const formId = await submitAsUnit(u.s, campaign.id);
  return { ...u, campaign, formId };
}

describe('material check', () => {
  it('queue: 401, 403, 400, lists submitted forms', async () => {
    const { s, campaign, formId } = await submitted();
    expect((await app.inject({ method: 'GET', url: '/api/checks' })).statusCode).toBe(401);
    expect((await s.inject({ method: 'GET', url: '/api/checks' })).statusCode).toBe(403);
    const c = await center();
    const bad = await c.inject({ method: 'GET', url: '/api/checks?campaignId=x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('征集活动编号格式不正确');
    const queue = (await c.inject({ method: 'GET', url: `/api/checks?campaignId=${campaign.id}` })).json();
    expect(queue).toEqual([expect.objectContaining({ formId, status: 'submitted', versionNumber: 1, rowCount: 2, decidedCount: 0, checkingStartedAt: null })]);
  });

  it('opening for checking stops the unit from withdrawing; shows version, verification code, findings, scan', async () => {
    const { s, formId } = await submitted();
    const c = await center();
    const res = await c.inject({ method: 'POST', url: `/api/checks/${formId}/start` });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ status: 'submitted', versionNumber: 1, abilities: { accept: true, return: true } });
    expect(view.verificationCode).toBe(view.contentHash.slice(0, 8).toUpperCase());
    expect(view.rows).toHaveLength(2);
    expect(view.checkingStartedAt).not.toBeNull();
    expect((await c.inject({ method: 'GET', url: `/api/files/${view.scanFileId}` })).statusCode).toBe(200);
    const withdraw = await s.inject({ method: 'POST', url: `/api/forms/${formId}/withdraw` });
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().message).toContain('市职鉴中心已开始核验该推荐表');
  });

  it('opening the check view does not start checking: the unit can still withdraw; decisions before 开始核验 are refused', async () => {
    const { s, formId } = await submitted();
    const c = await center();
    const opened = await c.inject({ method: 'GET', url: `/api/checks/${formId}` });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'submitted', checkingStartedAt: null });
    const early = await c.inject({
      method: 'PUT',
      url: `/api/checks/${formId}/decisions`,
      payload: { version: opened.json().version, decisions: [{ rowIndex: 0, decision: 'pass' }] },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'INVALID_STATE', message: '尚未开始核验：请先点击“开始核验”（此后单位不能再撤回），再保存核验结论' });
    expect(await db.select().from(checkDecisions).where(eq(checkDecisions.formId, formId))).toHaveLength(0);
    const [after] = await db.select().from(forms).where(eq(forms.id, formId));
    expect(after).toMatchObject({ checkingStartedAt: null, version: opened.json().version });
    const withdraw = await s.inject({ method: 'POST', url: `/api/forms/${formId}/withdraw` });
    expect(withdraw.statusCode, withdraw.body).toBe(200);
    expect(withdraw.json().status).toBe('draft');
    expect((await c.inject({ method: 'GET', url: `/api/checks?campaignId=${after!.campaignId}` })).json()).toEqual([]);
  });

  it('开始核验 is recorded once (idempotent); 403 for a unit; refused once the unit has withdrawn', async () => {
    const { s, formId } = await submitted();
    const c = await center();
    expect((await s.inject({ method: 'POST', url: `/api/checks/${formId}/start` })).statusCode).toBe(403);
    const first = (await c.inject({ method: 'POST', url: `/api/checks/${formId}/start` })).json();
    clock.advance(60_000);
    const again = (await c.inject({ method: 'POST', url: `/api/checks/${formId}/start` })).json();
    expect(again.checkingStartedAt).toBe(first.checkingStartedAt);
    expect(again.history.filter((h: { action: string }) => h.action === 'check.start')).toHaveLength(1);
    const other = await submitted();
    expect((await other.s.inject({ method: 'POST', url: `/api/forms/${other.formId}/withdraw` })).statusCode).toBe(200);
    const late = await c.inject({ method: 'POST', url: `/api/checks/${other.formId}/start` });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('只有已提交的推荐表可以核验');
    expect((await db.select().from(forms).where(eq(forms.id, other.formId)))[0]).toMatchObject({ status: 'draft', checkingStartedAt: null });
  });

  it('row decisions: a fail needs a reason code; 其他 needs text; saved and audited in the form history', async () => {
    const { formId } = await submitted();
    const c = await center();
    const { version } = (await c.inject({ method: 'POST', url: `/api/checks/${formId}/start` })).json();
    const noCode = await c.inject({
      method: 'PUT',
      url: `/api/checks/${formId}/decisions`,
      payload: { version, decisions: [{ rowIndex: 1, decision: 'fail' }] },
    });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().message).toContain('第 2 行不通过须选择原因');
    const other = await c.inject({
      method: 'PUT',
      url: `/api/checks/${formId}/decisions`,
      payload: { version, decisions: [{ rowIndex: 1, decision: 'fail', reasonCode: 'other' }] },
    });
    expect(other.json().message).toContain('第 2 行原因为“其他”时须填写说明');
    const ok = await c.inject({
      method: 'PUT',
      url: `/api/checks/${formId}/decisions`,
      payload: {
        version,
        decisions: [
          { rowIndex: 0, decision: 'pass', overrides: [{ code: 'standard_version_unverified', reason: '已人工核对标准版本' }] },
          { rowIndex: 1, decision: 'fail', reasonCode: 'already_offered', reasonText: '本市已开展该职业认定' },
        ],
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const view = ok.json();
    expect(view.rows[1].decision).toMatchObject({ decision: 'fail', reasonCode: 'already_offered' });
    expect(view.rows[0].decision.overrides).toEqual([{ code: 'standard_version_unverified', reason: '已人工核对标准版本' }]);
    expect(view.history.map((h: { action: string }) => h.action).slice(-3)).toEqual(['form.submit', 'check.start', 'check.decide']);
  });

  it('a return needs a reason and a future time limit; the unit is told in the app and by mail', async () => {
    const { user, formId } = await submitted();
    const c = await center();
    const { version } = (await c.inject({ method: 'GET', url: `/api/checks/${formId}` })).json();
    const noReason = await c.inject({
      method: 'POST',
      url: `/api/checks/${formId}/return`,
      payload: { version, reason: '  ', until: '2024-10-15T18:00:00+08:00' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBe('请填写退回理由');
    const past = await c.inject({
      method: 'POST',
      url: `/api/checks/${formId}/return`,
      payload: { version, reason: '扫描件未盖章', until: '2024-10-01T18:00:00+08:00' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toBe('重新提交的时限须晚于当前时间');
    const queuedBefore = (await db.select().from(outbox)).length;
    const ok = await c.inject({
      method: 'POST',
      url: `/api/checks/${formId}/return`,
      payload: { version, reason: '扫描件未盖章', until: '2024-10-15T18:00:00+08:00' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'returned', returnReason: '扫描件未盖章' });
    expect((await db.select().from(outbox)).some((m) => m.subject.includes('推荐表被退回') && m.body.includes('扫描件未盖章'))).toBe(true);
    expect((await db.select().from(outbox)).length).toBeGreaterThan(queuedBefore);
    const inApp = await db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(inApp.some((n) => n.kind === 'form.returned' && n.body.includes('扫描件未盖章'))).toBe(true);
  });

  it('two clerks at once: one wins, the other gets 409 and nothing of theirs is written', async () => {
    const { formId } = await submitted();
    const a = await center();
    const b = await center();
    const { version } = (await a.inject({ method: 'POST', url: `/api/checks/${formId}/start` })).json();
    const [ra, rb] = await Promise.all([
      a.inject({ method: 'PUT', url: `/api/checks/${formId}/decisions`, payload: { version, decisions: [{ rowIndex: 0, decision: 'pass' }] } }),
      b.inject({
        method: 'PUT',
        url: `/api/checks/${formId}/decisions`,
        payload: { version, decisions: [{ rowIndex: 0, decision: 'fail', reasonCode: 'inconsistent', reasonText: '名称不符' }] },
      }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 409]);
    const loser = ra.statusCode === 409 ? ra : rb;
    expect(loser.json()).toMatchObject({ code: 'STALE_VERSION' });
    const rows = await db.select().from(checkDecisions).where(eq(checkDecisions.formId, formId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.decision).toBe(ra.statusCode === 200 ? 'pass' : 'fail');
    const current = (await a.inject({ method: 'GET', url: `/api/checks/${formId}` })).json().version;
    const [acc, ret] = await Promise.all([
      a.inject({ method: 'POST', url: `/api/checks/${formId}/accept`, payload: { version: current } }),
      b.inject({ method: 'POST', url: `/api/checks/${formId}/return`, payload: { version: current, reason: '缺少材料', until: '2024-10-15T18:00:00+08:00' } }),
    ]);
    expect([acc.statusCode, ret.statusCode].sort()).toEqual([200, 409]);
    const [form] = await db.select().from(forms).where(eq(forms.id, formId));
    expect(form!.status).toBe(acc.statusCode === 200 ? 'accepted' : 'returned');
  });

  it('accept: stale version refused; undecided rows pass; 403 for a unit', async () => {
    const { s, formId } = await submitted();
    const c = await center();
    expect((await s.inject({ method: 'POST', url: `/api/checks/${formId}/accept`, payload: { version: 1 } })).statusCode).toBe(403);
    const { version } = (await c.inject({ method: 'GET', url: `/api/checks/${formId}` })).json();
    expect((await c.inject({ method: 'POST', url: `/api/checks/${formId}/accept`, payload: { version: version - 1 } })).statusCode).toBe(409);
    const ok = await c.inject({ method: 'POST', url: `/api/checks/${formId}/accept`, payload: { version } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('accepted');
    expect(ok.json().rows.every((r: { decision: { decision: string } }) => r.decision.decision === 'pass')).toBe(true);
    expect(ok.json().history.map((h: { action: string }) => h.action)).toContain('form.accept');
  });

  it('accept is one transaction: when the accept is refused, no row is recorded as passed and nothing is audited', async () => {
    const { formId, campaign } = await submitted();
    const c = await center();
    const { version } = (await c.inject({ method: 'GET', url: `/api/checks/${formId}` })).json();
    // The campaign has moved on (as after 开始评审) between opening the check page and clicking 受理.
    await db.update(campaigns).set({ status: 'reviewing' }).where(eq(campaigns.id, campaign.id));
    const refused = await c.inject({ method: 'POST', url: `/api/checks/${formId}/accept`, payload: { version } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'INVALID_STATE', message: '征集已进入后续阶段，不能再受理或退回推荐表' });
    expect(await db.select().from(checkDecisions).where(eq(checkDecisions.formId, formId))).toEqual([]);
    const [form] = await db.select().from(forms).where(eq(forms.id, formId));
    expect(form).toMatchObject({ status: 'submitted', version, acceptedAt: null });
    const audited = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'form'), eq(auditLog.objectId, formId)));
    expect(audited.map((a) => a.action)).not.toContain('check.decide');
    expect(audited.map((a) => a.action)).not.toContain('form.accept');
  });

  it('accept tells the unit in the app and by mail how many rows passed and which failed, with the reason', async () => {
    const { user, formId } = await submitted();
    const c = await center();
    const { version } = (await c.inject({ method: 'POST', url: `/api/checks/${formId}/start` })).json();
    const decided = await c.inject({
      method: 'PUT',
      url: `/api/checks/${formId}/decisions`,
      payload: { version, decisions: [{ rowIndex: 1, decision: 'fail', reasonCode: 'already_offered', reasonText: '本市已开展该职业认定' }] },
    });
    const ok = await c.inject({ method: 'POST', url: `/api/checks/${formId}/accept`, payload: { version: decided.json().version } });
    expect(ok.statusCode, ok.body).toBe(200);
    const [note] = (await db.select().from(notifications).where(eq(notifications.userId, user.id))).filter((n) => n.kind === 'form.accepted');
    expect(note?.title).toBe('【征集】推荐表已受理');
    expect(note?.body).toBe(
      '您单位提交的推荐表（第 1 版）已被市职鉴中心受理：共 2 个职业（工种），通过 1 个，不通过 1 个。通过核验的职业（工种）将进入候选池，参加专家评估。\n未通过核验：\n第 2 行 人工智能训练师：本市已开展：本市已开展该职业认定',
    );
    expect((await db.select().from(outbox)).some((m) => m.subject === '【征集】推荐表已受理' && m.body === note?.body)).toBe(true);
  });
});
