import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
export const storedFiles = pgTable('stored_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  sha256: text('sha256').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  originalName: text('original_name').notNull(),
  /** The unit the file belongs to (who may read it besides the center); null for files of the public. */
  ownerUnitId: uuid('owner_unit_id').references(() => units.id),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  content: bytea('content').notNull(),
}, (t) => [index('stored_files_sha256_idx').on(t.sha256)]);
