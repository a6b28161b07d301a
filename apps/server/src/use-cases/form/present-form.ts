import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { FORM_MAX_ROWS, FindingSchema, FormHeaderSchema, FormRowSchema, checkRows, formatChineseDate, endOfShanghaiDay, type Actor, FORM_POLICY_ACTIONS, formAbilities, FORM_STATUSES } from '@zhengji/domain';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { storedFiles, units } from '../../db/schema/index.ts';
import { referenceIndexFor } from './form-reference.ts';
import { formFacts, rowsOf, shownCampaignStatus, type FormState } from './form-state.ts';

/** Metadata of an uploaded file as the UI shows it. */
export const FileInfoSchema = z.object({ id: z.string(), originalName: z.string(), mime: z.string(), size: z.number(), sha256: z.string(), createdAt: z.date() });

/** A unit's form as the editor shows it: header, rows with their findings, state, scan, abilities. */
export const FormViewSchema = z.object({
  id: z.string(),
  campaign: z.object({ id: z.string(), title: z.string(), docNo: z.string(), deadline: z.string(), deadlineLabel: z.string(), status: z.string(), industryTags: z.array(z.string()) }),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(FORM_STATUSES),
  version: z.number(),
  header: FormHeaderSchema,
  rows: z.array(FormRowSchema.extend({ id: z.string(), priority: z.number(), findings: z.array(FindingSchema) })),
  summary: z.object({ errors: z.number(), warnings: z.number() }),
  scan: FileInfoSchema.nullable(),
  lastVersionNumber: z.number(),
  submittedAt: z.date().nullable(),
  returnReason: z.string().nullable(),
  returnedUntil: z.date().nullable(),
  returnedAt: z.date().nullable(),
  acceptedAt: z.date().nullable(),
  checkingStartedAt: z.date().nullable(),
  lateExceptionUntil: z.date().nullable(),
  maxRows: z.number(),
  updatedAt: z.date(),
  abilities: z.record(z.enum(FORM_POLICY_ACTIONS), z.boolean()),
});
/** A form as the editor shows it. */
export type FormView = z.infer<typeof FormViewSchema>;

/** The maximum rows of a form (FORM_MAX_ROWS unless the configuration sets `formMaxRows`). */
export function maxRowsOf(config: Config): number {
  return (config as Config & { formMaxRows?: number }).formMaxRows ?? FORM_MAX_ROWS;
}

/** Presents a form for an actor: current rows checked against the campaign's reference data, abilities now. */
export async function presentForm(db: Db, ctx: { actor: Actor; config: Config; now: Date }, state: FormState): Promise<FormView> {
  const { form, campaign } = state;
  const rows = await rowsOf(db, form.id);
  const index = await referenceIndexFor(db, ctx.config, campaign.id);
  const findings = checkRows(rows, index, { industryTags: campaign.industryTags.length > 0 ? campaign.industryTags : undefined });
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, form.unitId));
  const [scan] = form.scanFileId
    ? await db
        .select({ id: storedFiles.id, originalName: storedFiles.originalName, mime: storedFiles.mime, size: storedFiles.size, sha256: storedFiles.sha256, createdAt: storedFiles.createdAt })
        .from(storedFiles)
        .where(eq(storedFiles.id, form.scanFileId))
    : [];
  const all = findings.flat();
  return {
    id: form.id,
    campaign: {
      id: campaign.id,
      title: campaign.title,
      docNo: campaign.docNo,
      deadline: campaign.deadline,
      deadlineLabel: formatChineseDate(endOfShanghaiDay(campaign.deadline)),
      status: shownCampaignStatus(campaign, ctx.now),
      industryTags: campaign.industryTags,
    },
    unitId: form.unitId,
    unitName: unit?.name ?? '',
    status: form.status,
    version: form.version,
    header: { contactName: form.contactName, contactPhone: form.contactPhone, fillDate: form.fillDate },
    rows: rows.map((r, i) => ({ ...r, priority: i + 1, findings: findings[i] ?? [] })),
    summary: { errors: all.filter((f) => f.severity === 'error').length, warnings: all.filter((f) => f.severity === 'warning').length },
    scan: scan ?? null,
    lastVersionNumber: form.lastVersionNumber,
    submittedAt: form.submittedAt,
    returnReason: form.returnReason,
    returnedUntil: form.returnedUntil,
    returnedAt: form.returnedAt,
    acceptedAt: form.acceptedAt,
    checkingStartedAt: form.checkingStartedAt,
    lateExceptionUntil: state.lateExceptionUntil,
    maxRows: maxRowsOf(ctx.config),
    updatedAt: form.updatedAt,
    abilities: formAbilities(ctx.actor, form, formFacts(state, ctx.now)),
  };
}
