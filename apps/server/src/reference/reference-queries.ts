import { and, eq, sql } from 'drizzle-orm';
import type { ReferenceDatasetKind } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import { referenceRecords, referenceVersions } from '../db/schema/index.ts';
import type { StoredRecord } from './parse-dataset.ts';

/** Version ids by dataset kind. */
export type VersionIds = Partial<Record<ReferenceDatasetKind, string>>;

/** The ids of the active version of each kind (one cheap query). */
export async function selectActiveVersionIds(db: Db): Promise<VersionIds> {
  const rows = await db
    .select({ id: referenceVersions.id, kind: referenceVersions.kind })
    .from(referenceVersions)
    .where(eq(referenceVersions.status, 'active'));
  return Object.fromEntries(rows.map((r) => [r.kind, r.id])) as VersionIds;
}

/** The active version row of a kind, or undefined. */
export async function selectActiveVersion(db: Db, kind: ReferenceDatasetKind) {
  const [row] = await db
    .select()
    .from(referenceVersions)
    .where(and(eq(referenceVersions.kind, kind), eq(referenceVersions.status, 'active')));
  return row;
}

/** The records of a version in their file order (aggregated to one JSON text: far fewer round trips than rows). */
export async function selectVersionRecords(db: Db, versionId: string): Promise<StoredRecord[]> {
  const result = await db.execute<{ j: string }>(
    sql`SELECT coalesce(json_agg(json_build_array(type, key, data) ORDER BY seq), '[]')::text AS j FROM ${referenceRecords} WHERE version_id = ${versionId}`,
  );
  const rows = (result as unknown as { rows: { j: string }[] }).rows;
  const list = JSON.parse(rows[0]?.j ?? '[]') as [StoredRecord['type'], string, Record<string, unknown>][];
  return list.map(([type, key, data]) => ({ type, key, data }));
}

/** Inserts the records of a new version as one JSON parameter expanded by the database (inside the caller's transaction). */
export async function insertVersionRecords(db: Db, versionId: string, records: readonly StoredRecord[]): Promise<void> {
  if (records.length === 0) return;
  const payload = JSON.stringify(records.map((r) => [r.type, r.key, r.data]));
  await db.execute(
    sql`INSERT INTO ${referenceRecords} (version_id, seq, type, key, data)
        SELECT ${versionId}::uuid, x.ord, x.e->>0, x.e->>1, x.e->2 FROM jsonb_array_elements(${payload}::jsonb) WITH ORDINALITY AS x(e, ord)`,
  );
}

/** Marks the active version of a kind superseded (inside the caller's transaction, before activating another). */
export async function supersedeActive(db: Db, kind: ReferenceDatasetKind): Promise<void> {
  await db
    .update(referenceVersions)
    .set({ status: 'superseded' })
    .where(and(eq(referenceVersions.kind, kind), eq(referenceVersions.status, 'active')));
}
