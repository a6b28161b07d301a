import { and, eq, ne, or } from 'drizzle-orm';
import { DomainError, UnitInputSchema, type Unit, type UnitInput } from '@zhengji/domain';
import { units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizePlatform } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { presentUnit } from './list-units.ts';

/** Creates a unit (id null) or edits one; names and credit codes are unique. */
export async function saveUnit(ctx: UseCaseContext, id: string | null, input: UnitInput): Promise<Unit> {
  authorizePlatform(ctx.actor, id ? 'unit.update' : 'unit.create');
  const data = UnitInputSchema.parse(input);
  const clash = or(eq(units.name, data.name), data.creditCode ? eq(units.creditCode, data.creditCode) : undefined);
  const [dup] = await ctx.db
    .select()
    .from(units)
    .where(id ? and(clash, ne(units.id, id)) : clash)
    .limit(1);
  if (dup) {
    throw new DomainError('CONFLICT', dup.name === data.name ? `单位“${data.name}”已存在` : `统一社会信用代码 ${data.creditCode ?? ''} 已被“${dup.name}”使用`);
  }
  const values = {
    name: data.name,
    type: data.type,
    creditCode: data.creditCode ?? null,
    contactName: data.contactName ?? null,
    contactPhone: data.contactPhone ?? null,
    contactEmail: data.contactEmail ?? null,
    updatedAt: ctx.clock.now(),
  };
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = id ? await tx.update(units).set(values).where(eq(units.id, id)).returning() : await tx.insert(units).values(values).returning();
    if (!saved) throw new DomainError('NOT_FOUND', '该单位不存在');
    await writeAudit(tx, ctx, { action: id ? 'unit.update' : 'unit.create', objectType: 'unit', objectId: saved.id, changes: data });
    return saved;
  });
  return presentUnit(row);
}
