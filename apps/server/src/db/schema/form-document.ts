import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FormHeader, FormRow } from '@zhengji/domain';
import { units, users } from './platform.ts';
import { forms } from './form.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One thing an import could not read, with the 1-based data row and the column when known. */
export interface StoredImportProblem {
  row?: number;
  column?: string;
  message: string;
  /** The rows cannot be taken over until the file is fixed (a value over the form's limits). */
  blocking?: boolean;
}

/**
 * A parsed upload waiting for confirmation: the rows an Excel template or Word 推荐表 gave, kept until the person who
 * uploaded it confirms (then the draft's rows are replaced) or discards it, or until `expiresAt`.
 */
export const formImportPreviews = pgTable(
  'form_import_previews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formId: uuid('form_id')
      .notNull()
      .references(() => forms.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** The unit center staff imported for (null when the unit imported itself). */
    onBehalfOfUnitId: uuid('on_behalf_of_unit_id').references(() => units.id),
    fileName: text('file_name').notNull(),
    kind: text('kind', { enum: ['xlsx', 'docx'] }).notNull(),
    /** The form's version when the preview was made (for information; the confirm names its own). */
    formVersion: integer('form_version').notNull(),
    header: jsonb('header').$type<Partial<FormHeader> & { unitName?: string }>().notNull(),
    rows: jsonb('rows').$type<FormRow[]>().notNull(),
    problems: jsonb('problems').$type<StoredImportProblem[]>().notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('form_import_previews_form_idx').on(t.formId), index('form_import_previews_expires_idx').on(t.expiresAt)],
);
