import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, sessions, users } from '../db/schema/index.ts';
import { createTestApp } from '../../test/test-app.ts';
import { createUnitRow, createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';

const { app, db } = await createTestApp({ loginIpLimitPerMinute: 10_000 });
const admin = await loginAs(app, (await createUserRow(db, 'admin')).username);

describe('/api/users', () => {
  it('creates a unit user bound to a unit with a one-time password that must be changed', async () => {
    const unit = await createUnitRow(db);
    const res = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'xuhui.jb', displayName: '徐汇经办', role: 'unit', unitId: unit.id },
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({ username: 'xuhui.jb', unitId: unit.id, unitName: unit.name, mustChangePassword: true });
    expect(temporaryPassword).toHaveLength(16);
    const s = await loginAs(app, 'xuhui.jb', temporaryPassword);
    expect((await s.inject({ method: 'GET', url: '/api/me' })).json().mustChangePassword).toBe(true);
  });

  it('refuses a unit user without a unit, a duplicate username and a weak password, in Chinese', async () => {
    const noUnit = await admin.inject({ method: 'POST', url: '/api/users', payload: { username: 'lonely', displayName: '无单位', role: 'unit' } });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().message).toBe('推荐单位经办人必须绑定一个推荐单位，请选择单位');
    await admin.inject({ method: 'POST', url: '/api/users', payload: { username: 'twice', displayName: '一', role: 'expert' } });
    const dup = await admin.inject({ method: 'POST', url: '/api/users', payload: { username: 'TWICE', displayName: '二', role: 'expert' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toBe('用户名“TWICE”已被使用，请换一个');
    const weak = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'weakling', displayName: '弱', role: 'expert', password: 'abcdefghijkl' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('至少三类');
  });

  it('rejects malformed JSON, unknown fields, wrong types and over-long strings with a message naming the field', async () => {
    const bad = await admin.inject({ method: 'POST', url: '/api/users', payload: '{"username": ', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'VALIDATION', message: '请求内容不是合法的 JSON，请检查格式后重试' });
    const unknown = await admin.inject({ method: 'POST', url: '/api/users', payload: { username: 'abc', displayName: 'x', role: 'expert', isRoot: true } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('isRoot');
    const wrongType = await admin.inject({ method: 'POST', url: '/api/users', payload: { username: 'abc', displayName: 5, role: 'expert' } });
    expect(wrongType.json().message).toBe('字段“姓名”须为文本');
    const long = await admin.inject({ method: 'POST', url: '/api/users', payload: { username: 'abcd', displayName: '长'.repeat(51), role: 'expert' } });
    expect(long.json().message).toBe('字段“姓名”长度不能超过50个字符');
    const list = await admin.inject({ method: 'GET', url: '/api/users' });
    expect(list.json().map((u: { username: string }) => u.username)).not.toContain('abcd');
  });

  it('resets a password: old sessions end, the account is unlocked, a change is forced', async () => {
    const u = await createUserRow(db, 'center');
    const s = await loginAs(app, u.username);
    const res = await admin.inject({ method: 'POST', url: `/api/users/${u.id}/reset-password` });
    expect(res.statusCode).toBe(200);
    expect((await s.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const again = await loginAs(app, u.username, res.json().temporaryPassword);
    expect((await again.inject({ method: 'GET', url: '/api/units' })).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('answers 404 for an unknown user id and 400 for a malformed one', async () => {
    const missing = await admin.inject({ method: 'PATCH', url: '/api/users/00000000-0000-4000-8000-000000000000', payload: { displayName: '某' } });
    expect(missing.statusCode).toBe(404);
    const malformed = await admin.inject({ method: 'PATCH', url: '/api/users/not-a-uuid', payload: { displayName: '某' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toContain('用户编号格式不正确');
  });
});

describe('/api/users: separation of duties (三权分立)', () => {
  const refusals = async (objectId: string | null) =>
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.result, 'denied'), objectId ? eq(auditLog.objectId, objectId) : eq(auditLog.action, 'user.create')));

  it('refuses the admin creating an auditor account, and creates nothing', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'sneaky.auditor', displayName: '审计', role: 'auditor', password: 'Quite#Strong-Pass1' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      code: 'FORBIDDEN',
      message: '系统管理员不能创建审计管理员账号（三权分立）：请由运维人员在服务器上执行 npm run cli -- create-user --role auditor',
    });
    expect(await db.select().from(users).where(eq(users.username, 'sneaky.auditor'))).toEqual([]);
    expect((await refusals(null)).at(-1)).toMatchObject({ action: 'user.create', actorRole: 'admin', result: 'denied' });
  });

  it('refuses the admin disabling, enabling, editing or resetting an auditor account, and changes nothing', async () => {
    const auditor = await createUserRow(db, 'auditor');
    const disabledAuditor = await createUserRow(db, 'auditor', { disabled: true });
    const session = await loginAs(app, auditor.username);
    const updateMessage = '系统管理员不能修改、停用或启用审计管理员账号（三权分立）：请由运维人员在服务器上用命令行操作';
    for (const [target, payload] of [
      [auditor, { disabled: true }],
      [disabledAuditor, { disabled: false }],
      [auditor, { displayName: '改名', email: 'x@example.cn' }],
      [auditor, { mustChangePassword: true }],
    ] as const) {
      const res = await admin.inject({ method: 'PATCH', url: `/api/users/${target.id}`, payload });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe(updateMessage);
    }
    const reset = await admin.inject({ method: 'POST', url: `/api/users/${auditor.id}/reset-password` });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().message).toBe('系统管理员不能重置审计管理员的密码（三权分立）：请由运维人员在服务器上执行 npm run cli -- reset-password');
    const [after] = await db.select().from(users).where(eq(users.id, auditor.id));
    expect(after).toMatchObject({
      disabled: false,
      displayName: auditor.displayName,
      email: null,
      mustChangePassword: false,
      passwordHash: auditor.passwordHash,
    });
    expect((await db.select().from(users).where(eq(users.id, disabledAuditor.id)))[0]!.disabled).toBe(true);
    expect((await db.select().from(sessions).where(eq(sessions.userId, auditor.id))).length).toBe(1);
    expect((await session.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await refusals(auditor.id)).map((r) => r.action)).toEqual(['user.update', 'user.update', 'user.update', 'user.resetPassword']);
  });

  it('lists auditor accounts read-only: no action is offered on them', async () => {
    const auditor = await createUserRow(db, 'auditor');
    const expert = await createUserRow(db, 'expert');
    const list = (await admin.inject({ method: 'GET', url: '/api/users' })).json() as { id: string; abilities: unknown }[];
    expect(list.find((u) => u.id === auditor.id)!.abilities).toEqual({ update: false, resetPassword: false });
    expect(list.find((u) => u.id === expert.id)!.abilities).toEqual({ update: true, resetPassword: true });
  });

  it("says beforehand that the admin cannot disable his own account, with the refusal's words; nothing changes", async () => {
    const me = await createUserRow(db, 'admin');
    const s = await loginAs(app, me.username);
    const other = await createUserRow(db, 'expert');
    const list = (await s.inject({ method: 'GET', url: '/api/users' })).json() as { id: string; actions: { disable: unknown } }[];
    expect(list.find((u) => u.id === me.id)!.actions.disable).toEqual({ allowed: false, reason: '不能停用自己的账号' });
    expect(list.find((u) => u.id === other.id)!.actions.disable).toEqual({ allowed: true, reason: null });
    const refused = await s.inject({ method: 'PATCH', url: `/api/users/${me.id}`, payload: { disabled: true } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('不能停用自己的账号');
    const [row] = await db.select().from(users).where(eq(users.id, me.id));
    expect(row!.disabled).toBe(false);
  });
});

describe('/api/units', () => {
  it('creates a unit with a verified unified social credit code', async () => {
    const ok = await admin.inject({
      method: 'POST',
      url: '/api/units',
      payload: { name: '市测试委', type: 'industry', creditCode: '91310000MA1FL8L971', contactPhone: '13812345678' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await admin.inject({ method: 'POST', url: '/api/units', payload: { name: '市测试委二', type: 'industry', creditCode: '91310000MA1FL8L973' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('统一社会信用代码应为18位且校验位正确');
    const phone = await admin.inject({ method: 'POST', url: '/api/units', payload: { name: '市测试委三', type: 'industry', contactPhone: '12345' } });
    expect(phone.json().message).toContain('请填写手机号');
    const dup = await admin.inject({ method: 'POST', url: '/api/units', payload: { name: '市测试委', type: 'industry' } });
    expect(dup.statusCode).toBe(409);
  });
});
