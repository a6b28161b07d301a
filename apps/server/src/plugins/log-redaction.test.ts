import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { redactError } from './log-redaction.ts';

const lines: string[] = [];
const { app, db, database } = await createTestApp({ logLevel: 'info' }, { logStream: { write: (line) => void lines.push(line) } });
const admin = await loginAs(app, (await createUserRow(db, 'admin')).username);
const PHONE = '13912345678';

describe('logs carry no personal data', () => {
  it('logs a failed insert with its SQL and error code, never its parameters nor the failing row', async () => {
    // The owner adds a rule the insert breaks, as a database fault the app did not foresee would.
    await database.asOwner(`ALTER TABLE units ADD CONSTRAINT zz_refuse_phone CHECK (contact_phone IS DISTINCT FROM '${PHONE}')`);
    lines.length = 0;
    const res = await admin.inject({
      method: 'POST',
      url: `/api/units?phone=${PHONE}`,
      payload: {
        name: '市日志测试委',
        type: 'industry',
        creditCode: '91310000MA1FL8L971',
        contactName: '王小明',
        contactPhone: PHONE,
        contactEmail: 'wang.xiaoming@example.cn',
      },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json().message).not.toContain(PHONE);
    const log = lines.join('');
    const entry = lines
      .map((l) => JSON.parse(l) as { level: number; err?: { sql: string; params: string; cause: { code: string; constraint: string } } })
      .find((l) => l.level === 50);
    expect(entry?.err).toMatchObject({ params: '[7 个参数已隐去]', cause: { code: '23514', constraint: 'zz_refuse_phone' } });
    expect(entry?.err?.sql).toContain('insert into "units"');
    for (const secret of [PHONE, '王小明', 'wang.xiaoming', '市日志测试委']) expect(log).not.toContain(secret);
  });

  it('masks the values a database message quotes and drops its detail', () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "13812345678"'), {
      code: '22P02',
      severity: 'ERROR',
      detail: 'Failing row contains (13812345678).',
    });
    const err = Object.assign(new Error('Failed query: select 1 where id = $1\nparams: 13812345678'), {
      query: 'select 1 where id = $1',
      params: ['13812345678'],
      cause,
    });
    const out = JSON.stringify(redactError(err));
    expect(out).not.toContain('13812345678');
    expect(redactError(err)).toMatchObject({
      sql: 'select 1 where id = $1',
      params: '[1 个参数已隐去]',
      cause: { code: '22P02', message: 'invalid input syntax for type uuid: "…"' },
    });
  });
});
