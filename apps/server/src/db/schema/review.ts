import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units, users } from './platform.ts';
import { campaigns } from './campaign.ts';
import { candidates } from './pool.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A member of the expert panel, with an account of role `expert`. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    organization: text('organization').notNull(),
    /** The recommending unit the expert belongs to, when any (回避 is computed from this id). */
    unitId: uuid('unit_id').references(() => units.id),
    title: text('title').notNull().default(''),
    specialties: jsonb('specialties').$type<string[]>().notNull().default([]),
    phone: text('phone'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('experts_user_uq').on(t.userId)],
);

/** An expert's availability and load cap in a campaign (the panel of the round). */
export const campaignExperts = pgTable(
  'campaign_experts',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    available: boolean('available').notNull().default(true),
    cap: integer('cap').notNull().default(20),
    /** Drawn by the random draw (随机抽取) of this campaign. */
    drawn: boolean('drawn').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.expertId] })],
);

/** The review round of a campaign: criteria with weights, deadline, the draw's seed, closing. */
export const reviewRounds = pgTable('review_rounds', {
  campaignId: uuid('campaign_id')
    .primaryKey()
    .references(() => campaigns.id),
  criteria: jsonb('criteria').$type<{ key: string; label: string; weight: number; description?: string }[]>().notNull(),
  deadline: ts('deadline'),
  drawSeed: text('draw_seed'),
  assignmentSeed: text('assignment_seed'),
  closedAt: ts('closed_at'),
  version: integer('version').notNull().default(1),
});

/** An expert assigned to review a candidate. Removed assignments are kept (with their draft review) for the record. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    status: text('status', { enum: ['active', 'removed'] })
      .notNull()
      .default('active'),
    /** Set when a merge of the pool made the expert's unit a recommender of the candidate; must be resolved before deciding. */
    conflictFlag: boolean('conflict_flag').notNull().default(false),
    source: text('source', { enum: ['auto', 'manual'] })
      .notNull()
      .default('auto'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    removedAt: ts('removed_at'),
  },
  (t) => [index('assignments_candidate_idx').on(t.candidateId), index('assignments_expert_idx').on(t.expertId)],
);

/** An expert's review of an assigned candidate: scores per criterion (0–10 or null for 不适用), opinion, comment. */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    scores: jsonb('scores').$type<Record<string, number | null>>().notNull().default({}),
    opinion: text('opinion', { enum: ['agree', 'disagree', 'undecided'] }),
    comment: text('comment').notNull().default(''),
    status: text('status', { enum: ['draft', 'submitted'] })
      .notNull()
      .default('draft'),
    submittedAt: ts('submitted_at'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reviews_assignment_uq').on(t.assignmentId)],
);
