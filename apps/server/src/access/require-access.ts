import { and, eq, inArray } from 'drizzle-orm';
import { DomainError, accessOf, type AccessAnswer, type AccessPermission, type AccessTargets, type Actor } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import {
  assignments,
  campaigns,
  candidates,
  experts,
  formImportPreviews,
  forms,
  notices,
  notifications,
  objections,
  referenceVersions,
  reviews,
  storedFiles,
} from '../db/schema/index.ts';

/**
 * The one gate for objects (Immich's `requireAccess`): "may this actor touch this object", answered by the pure
 * `accessOf` policy of packages/domain. An object the actor may not know exists is NOT_FOUND with the same message as
 * a missing one; one whose existence is no secret to them is FORBIDDEN. Use cases call `requireAccess` with ids (one
 * query for all of them) or, when they already hold the row (locked FOR UPDATE), `assertAccess` with it.
 */

type Aggregate = AccessPermission extends `${infer A}.${string}` ? A : never;

/** What a missing or hidden object of each aggregate is called. */
const NOT_FOUND: Record<Aggregate, string> = {
  form: '该推荐表不存在或您无权查看',
  file: '该文件不存在或您无权查看',
  notification: '该通知不存在或不属于您，请刷新通知列表',
  formImport: '导入预览不存在或已过期（预览保留 24 小时），请重新上传文件',
  candidate: '该候选职业不存在，或未分配给您评审',
  scoreSheet: '该专家不存在',
  campaign: '该征集活动不存在',
  notice: '该公示不存在',
  objection: '该异议不存在',
  assignment: '该评审分配不存在',
  review: '该评审记录不存在',
  reference: '该数据版本不存在',
};
const FORBIDDEN = '您没有执行此操作的权限';

const aggregateOf = (p: AccessPermission) => p.slice(0, p.indexOf('.')) as Aggregate;

/** The error of a refused answer (undefined when allowed); `forbidden` overrides the generic 403 text. */
export function accessError(permission: AccessPermission, answer: AccessAnswer | 'missing', forbidden = FORBIDDEN): DomainError | undefined {
  if (answer === 'allowed') return undefined;
  if (answer === 'forbidden') return new DomainError('FORBIDDEN', forbidden);
  return new DomainError('NOT_FOUND', NOT_FOUND[aggregateOf(permission)]);
}

/** The logged-in actor, or UNAUTHENTICATED. */
export function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', '请先登录');
  return actor;
}

/**
 * Requires access to an object the use case already loaded (undefined: missing, NOT_FOUND — except for center-only
 * aggregates, where a refused role is told FORBIDDEN whether or not the object exists).
 */
export function assertAccess<P extends AccessPermission, T extends AccessTargets[P]>(actor: Actor, permission: P, target: T | undefined): asserts target is T {
  requireUser(actor);
  const error = accessError(permission, target === undefined ? roleAnswer(actor, permission) : accessOf(actor, permission, target));
  if (error) throw error;
}

/** For a missing object: forbidden when the actor could not touch any object of the kind (existence not told), else missing. */
function roleAnswer(actor: Actor, permission: AccessPermission): AccessAnswer | 'missing' {
  return ROLE_PROBE[aggregateOf(permission)] && accessOf(actor, permission, {} as never) === 'forbidden' ? 'forbidden' : 'missing';
}
/** Center-only aggregates, whose policy does not depend on the object: a refused role is refused whether or not it exists. */
const ROLE_PROBE: Record<Aggregate, boolean> = {
  form: false,
  file: false,
  notification: false,
  formImport: false,
  candidate: false,
  scoreSheet: false,
  campaign: false,
  notice: true,
  objection: true,
  assignment: true,
  review: true,
  reference: true,
};

type Loader<P extends AccessPermission> = (db: Db, ids: string[]) => Promise<Map<string, AccessTargets[P]>>;
const byId = <T extends { id: string }, R>(rows: T[], pick: (r: T) => R) => new Map(rows.map((r) => [r.id, pick(r)]));
const exists = (rows: { id: string }[]) => byId(rows, () => ({}));

/** One query per aggregate loading what the policy needs about each id. */
const LOADERS: { [A in Aggregate]: Loader<Extract<AccessPermission, `${A}.${string}`>> } = {
  form: async (db, ids) =>
    byId(await db.select({ id: forms.id, unitId: forms.unitId, status: forms.status }).from(forms).where(inArray(forms.id, ids)), (r) => r),
  file: async (db, ids) =>
    byId(
      await db
        .select({ id: storedFiles.id, ownerUnitId: storedFiles.ownerUnitId })
        .from(storedFiles)
        .where(and(inArray(storedFiles.id, ids), eq(storedFiles.pending, false))),
      (r) => r,
    ),
  notification: async (db, ids) =>
    byId(await db.select({ id: notifications.id, userId: notifications.userId }).from(notifications).where(inArray(notifications.id, ids)), (r) => r),
  formImport: async (db, ids) =>
    byId(
      await db.select({ id: formImportPreviews.id, userId: formImportPreviews.createdBy }).from(formImportPreviews).where(inArray(formImportPreviews.id, ids)),
      (r) => r,
    ),
  candidate: async (db, ids) => {
    const rows = await db
      .select({ id: candidates.id, userId: experts.userId, conflicted: assignments.conflictFlag })
      .from(candidates)
      .leftJoin(assignments, and(eq(assignments.candidateId, candidates.id), eq(assignments.status, 'active')))
      .leftJoin(experts, eq(experts.id, assignments.expertId))
      .where(inArray(candidates.id, ids));
    const targets = new Map<string, { assignedUserIds: string[]; conflictedUserIds: string[] }>();
    for (const r of rows) {
      const t = targets.get(r.id) ?? { assignedUserIds: [], conflictedUserIds: [] };
      targets.set(r.id, t);
      if (!r.userId) continue;
      t.assignedUserIds.push(r.userId);
      if (r.conflicted) t.conflictedUserIds.push(r.userId);
    }
    return targets;
  },
  scoreSheet: async (db, ids) => byId(await db.select({ id: experts.id, userId: experts.userId }).from(experts).where(inArray(experts.id, ids)), (r) => r),
  campaign: async (db, ids) =>
    byId(await db.select({ id: campaigns.id, status: campaigns.status }).from(campaigns).where(inArray(campaigns.id, ids)), (r) => r),
  notice: async (db, ids) => exists(await db.select({ id: notices.id }).from(notices).where(inArray(notices.id, ids))),
  objection: async (db, ids) => exists(await db.select({ id: objections.id }).from(objections).where(inArray(objections.id, ids))),
  assignment: async (db, ids) => exists(await db.select({ id: assignments.id }).from(assignments).where(inArray(assignments.id, ids))),
  review: async (db, ids) => exists(await db.select({ id: reviews.id }).from(reviews).where(inArray(reviews.id, ids))),
  reference: async (db, ids) => exists(await db.select({ id: referenceVersions.id }).from(referenceVersions).where(inArray(referenceVersions.id, ids))),
};

/** Requires the actor to have `permission` on every one of `ids` (loaded in one query); throws for the first refused. */
export async function requireAccess<P extends AccessPermission>(
  ctx: { db: Db; actor: Actor },
  permission: P,
  ids: readonly string[],
): Promise<Extract<Actor, { kind: 'user' }>> {
  const user = requireUser(ctx.actor);
  if (roleAnswer(ctx.actor, permission) === 'forbidden') throw accessError(permission, 'forbidden')!; // before any query
  const unique = [...new Set(ids)];
  const targets = unique.length ? await (LOADERS[aggregateOf(permission)] as unknown as Loader<P>)(ctx.db, unique) : new Map<string, AccessTargets[P]>();
  for (const id of unique) assertAccess(ctx.actor, permission, targets.get(id));
  return user;
}
