import { boolean, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units, users } from './platform.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * An uploaded file (a sealed scan, an objection's attachment), stored whole in the database so that a backup of the
 * database is a backup of everything. `mime` is detected from the content, never from the name.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    originalName: text('original_name').notNull(),
    /** The unit the file belongs to (who may read it besides the center); null for files of the public. */
    ownerUnitId: uuid('owner_unit_id').references(() => units.id),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    /**
     * True while the content is being written, before the command that uses the file has committed; pending files that
     * no command attached within a day are swept.
     */
    pending: boolean('pending').notNull().default(false),
  },
  (t) => [index('stored_files_sha256_idx').on(t.sha256), index('stored_files_pending_idx').on(t.pending, t.createdAt)],
);

/**
 * The content of a stored file in pieces of FILE_CHUNK_BYTES, each written by a statement of its own, so that storing a
 * 20 MB scan never holds the database (PGlite runs one statement at a time) for longer than one piece.
 */
export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
