import { randomUUID } from 'node:crypto';
import { DomainError, ListEntryInputSchema, type ListEntryInput } from '@zhengji/domain';
import { commitListChange, type ListKind } from '../../reference/commit-list-change.ts';
import { recordKey, type StoredRecord } from '../../reference/parse-dataset.ts';
import { getReferenceIndex, invalidateReferenceCache } from '../../reference/reference-cache.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReference } from './reference-policy.ts';
import { listReferenceListEntries } from './list-reference-list-entries.ts';

/** Adds (entryId null) or changes an entry of a Shanghai list; the change becomes a new active version of the list. */
export async function saveReferenceListEntry(ctx: UseCaseContext, kind: ListKind, entryId: string | null, input: ListEntryInput) {
  const actor = authorizeReference(ctx.actor, 'reference.lists.edit');
  const { baseVersionId, ...entry } = ListEntryInputSchema.parse(input);
  const index = await getReferenceIndex(ctx.db);
  const occupation = index.getOccupation(entry.occupationCode);
  if (!occupation) throw new DomainError('VALIDATION', `职业编码 ${entry.occupationCode} 不在现行职业分类大典中，请检查编码或先搜索职业`);
  const id = entryId ?? randomUUID();
  const data = { entryId: id, ...entry, jobTypeName: entry.jobTypeName || null };
  const key = recordKey('entry', data);
  const what = `${entry.occupationCode} ${occupation.name}${data.jobTypeName ? `（${data.jobTypeName}）` : ''}`;
  await ctx.db.transaction(async (tx) => {
    const version = await commitListChange(
      tx,
      { kind, baseVersionId, userId: actor.userId, now: ctx.clock.now(), change: `${entryId ? '修改' : '新增'} ${what}` },
      (records) => {
        const at = records.findIndex((r) => (r.data.entryId ?? r.key) === id);
        if (entryId && at < 0) throw new DomainError('NOT_FOUND', '该条目不存在或已被删除，请刷新后重试');
        if (records.some((r, i) => i !== at && r.key === key)) throw new DomainError('CONFLICT', `目录中已有 ${what}，不能重复添加`);
        const record: StoredRecord = { type: 'entry', key, data };
        return at < 0 ? [...records, record] : records.map((r, i) => (i === at ? record : r));
      },
    );
    await writeAudit(tx, ctx, { action: 'reference.list.save', objectType: 'reference_version', objectId: version.id, changes: { kind, entry: data } });
  });
  invalidateReferenceCache(ctx.db);
  return listReferenceListEntries(ctx, kind);
}
