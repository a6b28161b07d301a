import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { createUnitRow, createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';

const { app, db } = await createTestApp({ loginIpLimitPerMinute: 10_000 });
const center = await loginAs(app, (await createUserRow(db, 'center')).username);

function multipart(name: string, content: Buffer) {
  const boundary = '----zjexperts';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家名单');
  ws.addRow([
    '姓名*',
    '工作单位*',
    '所属推荐单位（属推荐单位的填写全称）',
    '职称/职务',
    '专业领域（产业标签，用“、”分隔）',
    '联系电话',
    '电子邮箱',
    '登录用户名（留空则不创建账号）',
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('/api/experts', () => {
  it('answers 401 without a session and 403 to a unit user', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/experts' })).statusCode).toBe(401);
    const unit = await loginAs(app, (await createUserRow(db, 'unit')).username);
    const res = await unit.inject({ method: 'POST', url: '/api/experts', payload: { name: '王', organization: '某单位' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('您没有执行此操作的权限');
  });

  it('refuses a missing name and an unknown unit in Chinese', async () => {
    const noName = await center.inject({ method: 'POST', url: '/api/experts', payload: { name: '', organization: '某单位' } });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().message).toBe('请填写专家姓名');
    const unknownUnit = await center.inject({
      method: 'POST',
      url: '/api/experts',
      payload: { name: '王', organization: '某单位', unitId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().message).toBe('所选推荐单位不存在，请重新选择');
  });

  it('creates an expert linked to a unit with an account of role expert, and edits it', async () => {
    const unit = await createUnitRow(db);
    const res = await center.inject({
      method: 'POST',
      url: '/api/experts',
      payload: { name: '王教授', organization: unit.name, unitId: unit.id, title: '教授', specialties: ['养老护理'], username: 'wang.prof' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { expert, temporaryPassword } = res.json();
    expect(expert).toMatchObject({ name: '王教授', unitId: unit.id, unitName: unit.name, username: 'wang.prof', specialties: ['养老护理'] });
    expect(temporaryPassword).toHaveLength(16);
    const s = await loginAs(app, 'wang.prof', temporaryPassword);
    expect((await s.inject({ method: 'GET', url: '/api/me' })).json().role).toBe('expert');
    const dup = await center.inject({ method: 'POST', url: '/api/experts', payload: { name: '王二', organization: 'x', username: 'WANG.PROF' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toBe('用户名“WANG.PROF”已被使用，请换一个');
    const edit = await center.inject({
      method: 'PUT',
      url: `/api/experts/${expert.id}`,
      payload: { name: '王教授', organization: '上海大学', unitId: null, title: '教授' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().expert).toMatchObject({ organization: '上海大学', unitId: null, username: 'wang.prof' });
  });

  it('links an existing expert account to a pool entry; refuses other roles and accounts already linked, in Chinese', async () => {
    const account = await createUserRow(db, 'expert', { email: 'link@example.com' });
    const spare = await createUserRow(db, 'expert');
    const unitUser = await createUserRow(db, 'unit');
    const unit = await loginAs(app, unitUser.username);
    expect((await unit.inject({ method: 'GET', url: '/api/experts/linkable-accounts' })).statusCode).toBe(403);
    const listed = (await center.inject({ method: 'GET', url: '/api/experts/linkable-accounts' })).json() as {
      id: string;
      username: string;
      email: string | null;
    }[];
    expect(listed).toContainEqual({ id: account.id, username: account.username, displayName: account.displayName, email: 'link@example.com' });
    expect(listed.some((a) => a.id === unitUser.id)).toBe(false);

    const created = (await center.inject({ method: 'POST', url: '/api/experts', payload: { name: '钱教授', organization: '上海交通大学' } })).json().expert as {
      id: string;
    };
    const missing = await center.inject({ method: 'PUT', url: `/api/experts/${created.id}/account`, payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe('请选择要关联的专家账号');
    const wrongRole = await center.inject({ method: 'PUT', url: `/api/experts/${created.id}/account`, payload: { userId: unitUser.id } });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().message).toBe(`账号“${unitUser.username}”不是“评估专家”角色，不能关联到专家库；请选择评估专家账号`);
    const unknown = await center.inject({
      method: 'PUT',
      url: `/api/experts/${created.id}/account`,
      payload: { userId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('所选账号不存在，请刷新后重新选择');
    expect((await unit.inject({ method: 'PUT', url: `/api/experts/${created.id}/account`, payload: { userId: account.id } })).statusCode).toBe(403);
    const pool = () =>
      center.inject({ method: 'GET', url: '/api/experts' }).then((r) => r.json() as { id: string; userId: string | null; username: string | null }[]);
    expect((await pool()).find((e) => e.id === created.id)).toMatchObject({ userId: null, username: null });

    const linked = await center.inject({ method: 'PUT', url: `/api/experts/${created.id}/account`, payload: { userId: account.id } });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ id: created.id, userId: account.id, username: account.username });
    expect((await center.inject({ method: 'PUT', url: `/api/experts/${created.id}/account`, payload: { userId: account.id } })).statusCode).toBe(200);
    expect(((await center.inject({ method: 'GET', url: '/api/experts/linkable-accounts' })).json() as { id: string }[]).some((a) => a.id === account.id)).toBe(
      false,
    );

    const other = (await center.inject({ method: 'POST', url: '/api/experts', payload: { name: '孙研究员', organization: '上海社科院' } })).json().expert as {
      id: string;
    };
    const taken = await center.inject({ method: 'PUT', url: `/api/experts/${other.id}/account`, payload: { userId: account.id } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toBe(`账号“${account.username}”已关联专家“钱教授”，一个账号只能关联一名专家`);
    const takenOnCreate = await center.inject({ method: 'POST', url: '/api/experts', payload: { name: '周老师', organization: 'x', userId: account.id } });
    expect(takenOnCreate.statusCode).toBe(409);
    expect(takenOnCreate.json().message).toBe(`账号“${account.username}”已关联专家“钱教授”，一个账号只能关联一名专家`);
    const relink = await center.inject({ method: 'PUT', url: `/api/experts/${created.id}/account`, payload: { userId: spare.id } });
    expect(relink.statusCode).toBe(409);
    expect(relink.json().message).toBe(`专家“钱教授”已关联账号“${account.username}”，不能再关联其他账号`);
    const both = await center.inject({
      method: 'POST',
      url: '/api/experts',
      payload: { name: '吴老师', organization: 'x', userId: spare.id, username: 'wu.teacher' },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toBe('“创建登录账号”与“关联已有账号”只能选一项');
    expect((await pool()).find((e) => e.id === other.id)).toMatchObject({ userId: null });
    const onCreate = await center.inject({ method: 'POST', url: '/api/experts', payload: { name: '吴老师', organization: 'x', userId: spare.id } });
    expect(onCreate.statusCode, onCreate.body).toBe(201);
    expect(onCreate.json().expert.username).toBe(spare.username);
  });

  it('downloads the template and imports a list; a bad list imports nothing and names the rows', async () => {
    const template = await center.inject({ method: 'GET', url: '/api/experts/template' });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toContain(encodeURIComponent('专家名单导入模板.xlsx'));
    const unit = await createUnitRow(db);
    const before = (await center.inject({ method: 'GET', url: '/api/experts' })).json().length;
    const bad = await workbook([
      ['李四', '某学院', '', '副教授', '人工智能', '', '', ''],
      ['', '某学院', '', '', '', '', '', ''],
      ['赵六', '某委', '不存在的单位', '', '', '', 'not-an-email', ''],
    ]);
    const refused = await center.inject({ method: 'POST', url: '/api/experts/import', ...multipart('experts.xlsx', bad) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe(
      '专家名单有3处问题，未导入任何专家。第3行：请填写专家姓名；第4行：所属推荐单位“不存在的单位”不存在，请填写系统中推荐单位的全称，或留空；第4行：电子邮箱格式不正确',
    );
    expect(refused.json().details.problems[0]).toEqual({ row: 3, message: '第3行：请填写专家姓名' });
    expect((await center.inject({ method: 'GET', url: '/api/experts' })).json()).toHaveLength(before);
    const good = await workbook([
      ['李四', '某学院', '', '副教授', '人工智能、集成电路', '13800000000', 'li@example.com', 'lisi.expert'],
      ['钱七', unit.name, '', '处长', '', '', '', ''],
    ]);
    const ok = await center.inject({ method: 'POST', url: '/api/experts/import', ...multipart('experts.xlsx', good) });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().created).toBe(2);
    expect(ok.json().accounts[0].username).toBe('lisi.expert');
    const list = (await center.inject({ method: 'GET', url: '/api/experts' })).json() as { name: string; unitId: string | null; specialties: string[] }[];
    expect(list.find((e) => e.name === '钱七')?.unitId).toBe(unit.id);
    expect(list.find((e) => e.name === '李四')?.specialties).toEqual(['人工智能', '集成电路']);
    const notExcel = await center.inject({ method: 'POST', url: '/api/experts/import', ...multipart('x.xlsx', Buffer.from('hello')) });
    expect(notExcel.statusCode).toBe(400);
    expect(notExcel.json().message).toContain('不是有效的 .xlsx 文件');
  });
});
