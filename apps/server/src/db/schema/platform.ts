import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A 64-bit transaction id (PostgreSQL `xid8`), read as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    type: text('type', { enum: ['district', 'industry'] }).notNull(),
    creditCode: text('credit_code'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_name_uq').on(t.name), uniqueIndex('units_credit_code_uq').on(t.creditCode)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['admin', 'center', 'unit', 'expert', 'auditor'] }).notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    passwordChangedAt: ts('password_changed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Fixed-window counters for rate limits that must hold across instances. */
export const rateCounters = pgTable(
  'rate_counters',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * Append-only audit log (a trigger refuses UPDATE, DELETE and TRUNCATE). A command appends its row unchained; `xid` is
 * the writing transaction's id (a trigger stamps it, whatever the INSERT says), the order in which the sealer chains
 * the rows into `audit_seals` once they are visible (use-cases/audit/seal-audit.ts).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    realActorUsername: text('real_actor_username'),
    onBehalfOfUnitId: uuid('on_behalf_of_unit_id'),
    ip: text('ip'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    result: text('result').notNull(),
    changes: jsonb('changes'),
    xid: xid8('xid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_object_idx').on(t.objectType, t.objectId), index('audit_log_xid_idx').on(t.xid, t.id)],
);

/**
 * The SM3 hash chain over the audit log, one row per sealed audit row, in chain order (`seq`). Written only by the
 * sealer (one at a time, advisory lock); append-only like the log (a trigger refuses UPDATE, DELETE and TRUNCATE).
 * No foreign key to audit_log on purpose: a seal whose row is gone is what verify-audit reports.
 */
export const auditSeals = pgTable(
  'audit_seals',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    sealedAt: ts('sealed_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audit_seals_audit_id_uq').on(t.auditId)],
);
