import type { Unit } from '@zhengji/domain';
import { units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizePlatform } from '../authorize.ts';

/** Presents a unit row. */
export function presentUnit(u: typeof units.$inferSelect): Unit {
  return {
    id: u.id,
    name: u.name,
    type: u.type,
    creditCode: u.creditCode,
    contactName: u.contactName,
    contactPhone: u.contactPhone,
    contactEmail: u.contactEmail,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Lists the recommending units (admin, center). */
export async function listUnits(ctx: UseCaseContext): Promise<Unit[]> {
  authorizePlatform(ctx.actor, 'unit.list');
  const rows = await ctx.db.select().from(units).orderBy(units.type, units.name);
  return rows.map(presentUnit);
}
