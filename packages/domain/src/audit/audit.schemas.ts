import { z } from 'zod';
import { pageOf } from '../shared/page.schemas.ts';

/** Result of an audited command. */
export const AUDIT_RESULTS = ['ok', 'denied', 'failed'] as const;

/** An audit event before it is chained and stored. */
export interface AuditEvent {
  action: string;
  objectType: string;
  objectId?: string | null;
  result?: (typeof AUDIT_RESULTS)[number];
  changes?: Record<string, unknown> | null;
}

/** Field names never written to the audit log. */
export const AUDIT_SECRET_FIELDS = /pass(word)?|token|secret|session|csrf|hash/i;

/** Removes secrets from a summary of changed fields. */
export function redactChanges(changes: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!changes) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) {
    if (AUDIT_SECRET_FIELDS.test(k)) out[k] = '[已隐去]';
    else if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) out[k] = redactChanges(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}

/** Audit log query (auditor). */
export const AuditQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(100).optional(),
  objectType: z.string().max(50).optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** One audit row as the API returns it. */
export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  realActorUsername: z.string().nullable(),
  onBehalfOfUnitId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  result: z.string(),
  changes: z.unknown(),
  /** The row's link in the SM3 chain; null for a row written in the last moments and not sealed yet. */
  hash: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A page of GET /api/audit. */
export const AuditPageSchema = pageOf(AuditEntrySchema);
/** A page of the audit log. */
export type AuditPage = z.infer<typeof AuditPageSchema>;
