import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units, users } from './platform.ts';
import { campaigns } from './campaign.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Where a candidate came from: one passed row of an accepted form version. */
export interface CandidateSource {
  formId: string;
  versionNumber: number;
  rowIndex: number;
  unitId: string;
  unitName: string;
  unitType: 'district' | 'industry';
  priority: number;
  occupationCode: string;
  jobTypeName: string;
  expectedAssessments: number;
  industries: string[];
  reason: string;
}

/**
 * A candidate occupation (or 工种) of the pool: the passed rows of accepted forms merged by (code, 工种).
 * Status: candidate → selected | not_selected (expert evaluation) → withdrawn (objection upheld) or kept in the final list.
 */
export const candidates = pgTable(
  'candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    occupationCode: text('occupation_code').notNull(),
    occupationName: text('occupation_name').notNull(),
    /** '' when the candidate is the whole occupation. */
    jobTypeName: text('job_type_name').notNull().default(''),
    standardName: text('standard_name').notNull().default(''),
    standardVersion: text('standard_version').notNull().default(''),
    industries: jsonb('industries').$type<string[]>().notNull().default([]),
    inShortageCatalog: boolean('in_shortage_catalog').notNull().default(false),
    expectedAssessments: integer('expected_assessments').notNull().default(0),
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    sources: jsonb('sources').$type<CandidateSource[]>().notNull().default([]),
    /** One unit named the whole occupation and another one of its 工种 (to confirm, split or merge). */
    overlapFlag: boolean('overlap_flag').notNull().default(false),
    overlapResolved: boolean('overlap_resolved').notNull().default(false),
    /** Set when this candidate was merged into another (kept read-only for the record). */
    mergedIntoId: uuid('merged_into_id'),
    status: text('status', { enum: ['candidate', 'selected', 'not_selected', 'withdrawn'] })
      .notNull()
      .default('candidate'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('candidates_campaign_idx').on(t.campaignId), index('candidates_code_idx').on(t.occupationCode)],
);

/** The recommending units of a candidate with their priority (used for 回避: conflicts are computed from unit ids). */
export const candidateUnits = pgTable(
  'candidate_units',
  {
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    priority: integer('priority').notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.unitId] })],
);
