import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './platform.ts';
import { campaigns } from './campaign.ts';
import { storedFiles } from './file.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One listed item of a published notice, frozen at publication. */
export interface NoticeItem {
  seq: number;
  candidateId: string;
  occupationCode: string;
  occupationName: string;
  jobTypeName: string;
  standardName: string;
  standardVersion: string;
  industries: string[];
  recommendingUnits: string[];
}

/** The public notice (公示): draft, then published with an immutable, hashed snapshot of its items. */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    docNo: text('doc_no').notNull().default(''),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** Center corrections of the working-day calendar: date → workday | holiday. */
    dayOverrides: jsonb('day_overrides').$type<Record<string, 'workday' | 'holiday'>>().notNull().default({}),
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    items: jsonb('items').$type<NoticeItem[]>().notNull().default([]),
    snapshotHash: text('snapshot_hash'),
    publishedAt: ts('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('notices_campaign_idx').on(t.campaignId)],
);

/** An objection (异议) of the public against a listed item. Personal data is visible to center staff only. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    itemSeq: integer('item_seq').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    receiptNo: text('receipt_no').notNull(),
    /** SHA-256 of the query code given to the objector (the code itself is never stored). */
    queryCodeHash: text('query_code_hash').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    /** SHA-256 of the token in the confirmation link mailed to `email`; mail other than that link waits for confirmation. */
    emailTokenHash: text('email_token_hash'),
    /** When the objector opened the confirmation link; only then are the receipt and the reply mailed. */
    emailConfirmedAt: ts('email_confirmed_at'),
    organization: text('organization'),
    grounds: text('grounds').notNull(),
    status: text('status', { enum: ['received', 'not_accepted', 'accepted', 'investigating', 'concluded'] })
      .notNull()
      .default('received'),
    notAcceptedReason: text('not_accepted_reason'),
    conclusion: text('conclusion', { enum: ['upheld', 'rejected'] }),
    reply: text('reply'),
    effect: text('effect', { enum: ['kept', 'withdrawn'] }),
    handledBy: uuid('handled_by').references(() => users.id),
    ip: text('ip'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    concludedAt: ts('concluded_at'),
  },
  (t) => [
    uniqueIndex('objections_receipt_uq').on(t.receiptNo),
    index('objections_notice_idx').on(t.noticeId, t.createdAt),
    uniqueIndex('objections_email_token_uq').on(t.emailTokenHash),
  ],
);

/** Evidence files of an objection (PDF/JPEG/PNG by content, ≤ 10 MB, ≤ 3). */
export const objectionFiles = pgTable(
  'objection_files',
  {
    objectionId: uuid('objection_id')
      .notNull()
      .references(() => objections.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
  },
  (t) => [uniqueIndex('objection_files_uq').on(t.objectionId, t.fileId)],
);

/** The published final list: the notice items minus withdrawn ones, with the difference recorded. */
export const finalLists = pgTable(
  'final_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    items: jsonb('items').$type<NoticeItem[]>().notNull(),
    removed: jsonb('removed').$type<(NoticeItem & { reason: string })[]>().notNull().default([]),
    hash: text('hash').notNull(),
    publishedAt: ts('published_at').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('final_lists_campaign_uq').on(t.campaignId)],
);

/** Secrets of the public site shared by every instance (e.g. the HMAC key of the objection form's challenge). */
export const siteSecrets = pgTable('site_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
