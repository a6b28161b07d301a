import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { shanghaiIsoDate, type Clock, type Role } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import { campaignUnits, campaigns, experts, units, users } from '../db/schema/index.ts';
import { generatePassword, hashPassword } from '../auth/password-hash.ts';
import { DEMO_EXPERTS, DISTRICTS, INDUSTRY_AUTHORITIES, NOTICE_2024, demoCreditCode, districtUnitName } from './demo-data.ts';

/** One demo account with its generated password. */
export interface DemoAccount {
  role: Role;
  username: string;
  password: string;
  description: string;
}

/** True when the database has no campaign and no unit yet. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [u] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(campaigns);
  return (u?.n ?? 0) + (c?.n ?? 0) === 0;
}

/**
 * Seeds the demo: the 2024 campaign of the notice (open, deadline 30 days after seeding), all 16 district bureaus and
 * industry authorities as units, one account per role (several units and experts), and the expert pool (专家库): the
 * three demo experts with specialties, organizations and e-mail addresses, linked to their accounts, so that the whole
 * review can be walked with the demo accounts. Returns the accounts.
 */
export async function seedDemo(db: Db, clock: Clock, dataDir: string | null): Promise<DemoAccount[]> {
  const now = clock.now();
  const deadline = shanghaiIsoDate(new Date(now.getTime() + 30 * 86_400_000));
  const accounts: DemoAccount[] = [];
  await db.transaction(async (tx) => {
    const unitRows = await tx
      .insert(units)
      .values([
        ...DISTRICTS.map(([d, code], i) => ({
          name: districtUnitName(d),
          type: 'district' as const,
          creditCode: demoCreditCode(code, i + 1),
          contactName: '经办人',
          contactPhone: '021-00000000',
          contactEmail: `district-${code}@example.com`,
        })),
        ...INDUSTRY_AUTHORITIES.map((name, i) => ({
          name,
          type: 'industry' as const,
          creditCode: demoCreditCode('310000', 100 + i),
          contactName: '经办人',
          contactPhone: '021-00000000',
          contactEmail: `industry-${String(100 + i)}@example.com`,
        })),
      ])
      .returning();
    const [campaign] = await tx
      .insert(campaigns)
      .values({ ...NOTICE_2024, deadline, opensAt: now, status: 'open', createdAt: now, updatedAt: now })
      .returning({ id: campaigns.id });
    await tx.insert(campaignUnits).values(unitRows.map((u) => ({ campaignId: campaign!.id, unitId: u.id })));

    const byName = new Map(unitRows.map((u) => [u.name, u]));
    const plan: { role: Role; username: string; displayName: string; unitName?: string; email?: string; description: string }[] = [
      { role: 'center', username: 'center', displayName: '崔安卓', description: '市职鉴中心工作人员' },
      { role: 'unit', username: 'pudong', displayName: '浦东经办人', unitName: '浦东新区人力资源和社会保障局', description: '浦东新区人社局经办人' },
      { role: 'unit', username: 'huangpu', displayName: '黄浦经办人', unitName: '黄浦区人力资源和社会保障局', description: '黄浦区人社局经办人' },
      { role: 'unit', username: 'minzheng', displayName: '民政局经办人', unitName: '市民政局', description: '市民政局经办人' },
      { role: 'unit', username: 'jingxin', displayName: '经信委经办人', unitName: '市经济信息化委', description: '市经济信息化委经办人' },
      ...DEMO_EXPERTS.map((e) => ({
        role: 'expert' as const,
        username: e.username,
        displayName: e.name,
        email: e.email,
        description: `评估专家（${e.organization}，${e.specialties.join('、')}）`,
      })),
      { role: 'auditor', username: 'auditor', displayName: '审计员', description: '审计管理员' },
    ];
    const userIds = new Map<string, string>();
    for (const p of plan) {
      const password = generatePassword();
      const [user] = await tx
        .insert(users)
        .values({
          username: p.username,
          displayName: p.displayName,
          role: p.role,
          unitId: p.unitName ? byName.get(p.unitName)!.id : null,
          // Every demo unit user has an address, so receipts and returns reach them by e-mail too.
          email: p.email ?? (p.role === 'unit' ? `${p.username}@example.com` : null),
          passwordHash: await hashPassword(password),
          mustChangePassword: false,
        })
        .returning({ id: users.id });
      userIds.set(p.username, user!.id);
      accounts.push({ role: p.role, username: p.username, password, description: p.description });
    }
    // Outside experts (no recommending unit), so that no demo recommendation is excluded by 回避.
    await tx.insert(experts).values(
      DEMO_EXPERTS.map(({ username, ...e }, i) => ({
        ...e,
        specialties: [...e.specialties],
        unitId: null,
        userId: userIds.get(username)!,
        createdAt: new Date(now.getTime() + i),
      })),
    );
  });
  if (dataDir) writeDemoAccounts(dataDir, accounts);
  return accounts;
}

/** Writes the demo accounts to DATA_DIR/demo-accounts.txt (role, username, password, description; tab-separated). */
export function writeDemoAccounts(dataDir: string, accounts: DemoAccount[]): void {
  const lines = [
    '# 演示账号（仅首次启动时生成；请妥善保管）',
    '# 角色\t用户名\t密码\t说明',
    ...accounts.map((a) => `${a.role}\t${a.username}\t${a.password}\t${a.description}`),
  ];
  writeFileSync(path.join(dataDir, 'demo-accounts.txt'), `${lines.join('\n')}\n`, { mode: 0o600 });
}
