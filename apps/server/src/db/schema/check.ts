import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './platform.ts';
import { forms } from './form.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A rule finding the center overrode during the material check, with its reason. */
export interface RuleOverride {
  code: string;
  reason: string;
}

/**
 * The center's decision on one row of a submitted form version (材料核验): pass, or fail with a reason code
 * (not_skill_type, no_national_standard, access_qualification, already_offered, inconsistent, other) and text.
 */
export const checkDecisions = pgTable(
  'check_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formId: uuid('form_id')
      .notNull()
      .references(() => forms.id),
    versionNumber: integer('version_number').notNull(),
    rowIndex: integer('row_index').notNull(),
    decision: text('decision', { enum: ['pass', 'fail'] }).notNull(),
    reasonCode: text('reason_code', { enum: ['not_skill_type', 'no_national_standard', 'access_qualification', 'already_offered', 'inconsistent', 'other'] }),
    reasonText: text('reason_text').notNull().default(''),
    overrides: jsonb('overrides').$type<RuleOverride[]>().notNull().default([]),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at').notNull(),
  },
  (t) => [uniqueIndex('check_decisions_row_uq').on(t.formId, t.versionNumber, t.rowIndex), index('check_decisions_form_idx').on(t.formId)],
);
