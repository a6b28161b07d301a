import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './platform.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One version of a reference dataset; `draft` is an import preview, exactly one `active` version per kind. */
export const referenceVersions = pgTable(
  'reference_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['occupations', 'standards', 'qualifications', 'shortage', 'offered'] }).notNull(),
    name: text('name').notNull(),
    sourceDocument: text('source_document'),
    effectiveDate: date('effective_date', { mode: 'string' }),
    /** Null when imported by the server at first start. */
    importedBy: uuid('imported_by').references(() => users.id),
    importedAt: ts('imported_at').notNull(),
    activatedAt: ts('activated_at'),
    recordCount: integer('record_count').notNull(),
    /** SHA-256 of the canonical JSON of the records (key order sorted), to tell identical content apart. */
    contentHash: text('content_hash').notNull(),
    status: text('status', { enum: ['draft', 'active', 'superseded'] }).notNull(),
    /** Counts, per-row errors and warnings, diff from the active version at import time (see ImportReport). */
    importReport: jsonb('import_report').notNull(),
  },
  (t) => [
    uniqueIndex('reference_versions_one_active_uq')
      .on(t.kind)
      .where(sql`${t.status} = 'active'`),
    index('reference_versions_kind_idx').on(t.kind, t.importedAt),
  ],
);

/**
 * The records of a version, each stored whole as jsonb. `type` tells the record shapes of one kind apart
 * (`occupation` and `newOccupation` in the dictionary); `key` is unique inside a version (the code, or code|name).
 */
export const referenceRecords = pgTable(
  'reference_records',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => referenceVersions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    key: text('key').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.seq] }), uniqueIndex('reference_records_key_uq').on(t.versionId, t.type, t.key)],
);
