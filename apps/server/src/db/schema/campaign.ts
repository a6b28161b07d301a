import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units, users } from './platform.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A yearly call (征集) with the fields of the notice. */
export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  docNo: text('doc_no').notNull(),
  issuer: text('issuer').notNull(),
  issueDate: date('issue_date', { mode: 'string' }).notNull(),
  opensAt: ts('opens_at'),
  /** Inclusive last day (Asia/Shanghai). */
  deadline: date('deadline', { mode: 'string' }).notNull(),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  contactEmail: text('contact_email'),
  conditionsText: text('conditions_text').notNull().default(''),
  workflowText: text('workflow_text').notNull().default(''),
  requirementsText: text('requirements_text').notNull().default(''),
  instructions: jsonb('instructions').$type<string[]>().notNull().default([]),
  industryTags: jsonb('industry_tags').$type<string[]>().notNull().default([]),
  /** Reference dataset version ids bound to this campaign, by dataset kind. */
  referenceVersions: jsonb('reference_versions').$type<Record<string, string>>().notNull().default({}),
  reviewersPerCandidate: integer('reviewers_per_candidate').notNull().default(3),
  status: text('status', { enum: ['draft', 'open', 'closed', 'reviewing', 'publicizing', 'published', 'archived'] })
    .notNull()
    .default('draft'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The roster: units expected to recommend in a campaign. */
export const campaignUnits = pgTable(
  'campaign_units',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId] })],
);
