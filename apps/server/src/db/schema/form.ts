import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FormHeader, FormRow } from '@zhengji/domain';
import { units, users } from './platform.ts';
import { campaigns } from './campaign.ts';
import { storedFiles } from './file.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A unit's recommendation form (推荐表) in a campaign: one per campaign × unit. */
export const forms = pgTable(
  'forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'accepted'] })
      .notNull()
      .default('draft'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    fillDate: date('fill_date', { mode: 'string' }),
    /** Optimistic concurrency: every write names the version it started from and increments it. */
    version: integer('version').notNull().default(1),
    /** The finalized version (定稿) awaiting its sealed scan and submission; null while the content is editable. */
    finalizedVersionNo: integer('finalized_version_no'),
    /** The sealed scan of the finalized version (the printed form with the unit seal), once it matched. */
    scanFileId: uuid('scan_file_id').references(() => storedFiles.id),
    /** How the scan was matched to the finalized version: its QR code read (matched) or the code typed by the unit (manual, 人工核对). */
    scanMatch: text('scan_match', { enum: ['matched', 'manual'] }),
    /** A scan whose QR code could not be read, kept until the unit types the verification code printed on it. */
    pendingScanFileId: uuid('pending_scan_file_id').references(() => storedFiles.id),
    /** Number of the last submitted version (0 before the first submission). */
    lastVersionNumber: integer('last_version_number').notNull().default(0),
    submittedAt: ts('submitted_at'),
    returnReason: text('return_reason'),
    /** The resubmission time limit set with the return. */
    returnedUntil: ts('returned_until'),
    returnedAt: ts('returned_at'),
    acceptedAt: ts('accepted_at'),
    /** When the center started the material check of the submitted version (no withdrawal afterwards). */
    checkingStartedAt: ts('checking_started_at'),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('forms_campaign_unit_uq').on(t.campaignId, t.unitId), index('forms_unit_idx').on(t.unitId)],
);

/** The rows of a form as currently edited, in priority order (序号 = priority). */
export const formRows = pgTable(
  'form_rows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formId: uuid('form_id')
      .notNull()
      .references(() => forms.id, { onDelete: 'cascade' }),
    priority: integer('priority').notNull(),
    occupationCode: text('occupation_code').notNull().default(''),
    occupationName: text('occupation_name').notNull().default(''),
    jobTypeName: text('job_type_name').notNull().default(''),
    standardName: text('standard_name').notNull().default(''),
    standardVersion: text('standard_version').notNull().default(''),
    inShortageCatalog: boolean('in_shortage_catalog'),
    industries: jsonb('industries').$type<string[]>().notNull().default([]),
    expectedAssessments: integer('expected_assessments'),
    reason: text('reason').notNull().default(''),
  },
  (t) => [uniqueIndex('form_rows_form_priority_uq').on(t.formId, t.priority)],
);

/**
 * An immutable finalized snapshot of a form (定稿), numbered per form. Its content never changes (a trigger refuses it);
 * only its submission (scan, match, time, submitter) and its voiding (撤销定稿) are recorded once each.
 */
export const formVersions = pgTable(
  'form_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formId: uuid('form_id')
      .notNull()
      .references(() => forms.id),
    number: integer('number').notNull(),
    header: jsonb('header').$type<FormHeader>().notNull(),
    rows: jsonb('rows').$type<FormRow[]>().notNull(),
    /** SHA-256 (hex) of the canonical serialisation of unit, campaign, header and rows. */
    contentHash: text('content_hash').notNull(),
    finalizedBy: uuid('finalized_by').references(() => users.id),
    finalizedAt: ts('finalized_at').notNull(),
    /** Set once when the finalization is voided (撤销定稿, withdrawal or return before submission). */
    voidedAt: ts('voided_at'),
    /** The sealed scan submitted with this version, and how it was matched. */
    scanFileId: uuid('scan_file_id').references(() => storedFiles.id),
    scanMatch: text('scan_match', { enum: ['matched', 'manual'] }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: ts('submitted_at'),
  },
  (t) => [uniqueIndex('form_versions_form_number_uq').on(t.formId, t.number)],
);

/** A late exception the center granted a unit in a campaign: it may still save and submit until `until`. */
export const formLateExceptions = pgTable(
  'form_late_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    reason: text('reason').notNull(),
    until: ts('until').notNull(),
    grantedBy: uuid('granted_by').references(() => users.id),
    grantedAt: ts('granted_at').notNull(),
  },
  (t) => [uniqueIndex('form_late_exceptions_campaign_unit_uq').on(t.campaignId, t.unitId)],
);
