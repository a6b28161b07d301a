import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { referenceVersions } from '../db/schema/index.ts';

const { app, db } = await createTestApp();
const center = await loginAs(app, (await createUserRow(db, 'center')).username);

function multipart(kind: string, name: string, bytes: Buffer) {
  const boundary = `----zj${Date.now().toString(16)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('reference import size', () => {
  it('a CSV of 200,001 rows is refused with the count, and no version is stored', async () => {
    const before = (await db.select({ n: count() }).from(referenceVersions))[0]!.n;
    const csv = `职业编码,工种,备注,依据文件\r\n${'4-04-05-05,,急需紧缺,沪人社职〔2024〕1号\r\n'.repeat(200_001)}`;
    const res = await center.inject({ method: 'POST', url: '/api/reference/versions', ...multipart('shortage', 'big.csv', Buffer.from(csv)) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      '本次导入共 200,001 行数据，超过单次导入 200,000 行的上限；参考数据通常只有数千行，请检查是否选错了文件，或拆分后分批导入。当前生效版本未受影响。',
    );
    expect((await db.select({ n: count() }).from(referenceVersions))[0]!.n).toBe(before);
  }, 60_000);
});
