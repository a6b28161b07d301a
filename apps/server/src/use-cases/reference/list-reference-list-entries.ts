import { eq } from 'drizzle-orm';
import { REFERENCE_DATASET_LABELS } from '@zhengji/domain';
import { users } from '../../db/schema/index.ts';
import type { ListKind } from '../../reference/commit-list-change.ts';
import { getReferenceIndex } from '../../reference/reference-cache.ts';
import { selectActiveVersion, selectVersionRecords } from '../../reference/reference-queries.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReference, canReference } from './reference-policy.ts';
import { presentVersion } from './list-reference-versions.ts';
import type { ListEntryView, ListView } from '@zhengji/domain/reference/reference-view.schemas.ts';

/** The active version of a Shanghai list with its entries (occupation names resolved in the active dictionary). */
export async function listReferenceListEntries(ctx: UseCaseContext, kind: ListKind): Promise<ListView> {
  authorizeReference(ctx.actor, 'reference.search');
  const active = await selectActiveVersion(ctx.db, kind);
  const index = await getReferenceIndex(ctx.db);
  const records = active ? await selectVersionRecords(ctx.db, active.id) : [];
  const importer = active?.importedBy
    ? ((await ctx.db.select({ n: users.displayName }).from(users).where(eq(users.id, active.importedBy)))[0]?.n ?? null)
    : null;
  const entries: ListEntryView[] = records.map((r) => {
    const d = r.data as Omit<ListEntryView, 'occupationName'>;
    return {
      entryId: d.entryId ?? r.key,
      occupationCode: d.occupationCode,
      occupationName: index.getOccupation(d.occupationCode)?.name ?? null,
      jobTypeName: d.jobTypeName ?? null,
      note: d.note ?? null,
      source: d.source ?? null,
      isDemo: d.isDemo === true,
    };
  });
  return {
    kind,
    label: REFERENCE_DATASET_LABELS[kind],
    version: active ? presentVersion(ctx, active, importer, false) : null,
    entries,
    abilities: { edit: canReference(ctx.actor, 'reference.lists.edit'), import: canReference(ctx.actor, 'reference.import') },
  };
}
