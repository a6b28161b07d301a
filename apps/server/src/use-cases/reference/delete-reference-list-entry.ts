import { DomainError } from '@zhengji/domain';
import { commitListChange, type ListKind } from '../../reference/commit-list-change.ts';
import { invalidateReferenceCache } from '../../reference/reference-cache.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReference } from './reference-policy.ts';
import { listReferenceListEntries } from './list-reference-list-entries.ts';

/** Removes an entry of a Shanghai list; the change becomes a new active version of the list. */
export async function deleteReferenceListEntry(ctx: UseCaseContext, kind: ListKind, entryId: string, baseVersionId: string | null) {
  const actor = authorizeReference(ctx.actor, 'reference.lists.edit');
  await ctx.db.transaction(async (tx) => {
    let removed: Record<string, unknown> | undefined;
    const version = await commitListChange(tx, { kind, baseVersionId, userId: actor.userId, now: ctx.clock.now(), change: '删除条目' }, (records) => {
      removed = records.find((r) => (r.data.entryId ?? r.key) === entryId)?.data;
      if (!removed) throw new DomainError('NOT_FOUND', '该条目不存在或已被删除，请刷新后重试');
      return records.filter((r) => (r.data.entryId ?? r.key) !== entryId);
    });
    await writeAudit(tx, ctx, { action: 'reference.list.delete', objectType: 'reference_version', objectId: version.id, changes: { kind, entry: removed } });
  });
  invalidateReferenceCache(ctx.db);
  return listReferenceListEntries(ctx, kind);
}
