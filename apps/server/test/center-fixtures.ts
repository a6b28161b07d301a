import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { campaignUnits, campaigns } from '../src/db/schema/index.ts';
import { formCodePng } from '../src/documents/form-code.ts';
import { createUnitRow, createUserRow } from './factories.ts';
import { loginAs, type Session } from './auth.ts';

/** The national reference files the eligibility rules read in API tests: `REFERENCE_DIR`, else `../shared/reference` beside the repository. */
export const REFERENCE_DIR = process.env.REFERENCE_DIR ?? new URL('../../../../shared/reference', import.meta.url).pathname;

/** Rows that pass every eligibility rule. */
export const ELDER_CARE = {
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  inShortageCatalog: true,
  industries: ['养老护理'],
  expectedAssessments: 1200,
  reason: '本市老龄化程度高，养老护理人员缺口大',
};
export const AI_TRAINER = {
  ...ELDER_CARE,
  occupationCode: '4-04-05-05',
  occupationName: '人工智能训练师',
  standardName: '人工智能训练师',
  standardVersion: '2021年版',
  inShortageCatalog: false,
  industries: ['人工智能'],
  expectedAssessments: 800,
  reason: '人工智能产业快速发展',
};
export const AI_LABELER = { ...AI_TRAINER, jobTypeName: '数据标注员', expectedAssessments: 300, reason: '数据标注岗位需求快速增长' };
const HEADER = { contactName: '张三', contactPhone: '13912345678', fillDate: '2024-10-08' };

/** Inserts an open campaign (deadline 2024-10-22) with the given units on its roster. */
export async function openCampaignRow(db: Db, unitIds: string[] = [], overrides: Partial<typeof campaigns.$inferInsert> = {}) {
  const [row] = await db
    .insert(campaigns)
    .values({
      year: 2024,
      title: '2024年社会化职业技能等级认定职业（工种）征集',
      docNo: '沪人社职〔2024〕319号',
      issuer: '上海市人力资源和社会保障局',
      issueDate: '2024-09-25',
      deadline: '2024-10-22',
      status: 'open',
      industryTags: ['养老护理', '人工智能', '高端装备'],
      ...overrides,
    })
    .returning();
  if (unitIds.length > 0) await db.insert(campaignUnits).values(unitIds.map((unitId) => ({ campaignId: row!.id, unitId })));
  return row!;
}

/** A unit with a logged-in user (with an e-mail address). */
export async function unitWithUser(app: FastifyInstance, db: Db, overrides: Partial<Parameters<typeof createUnitRow>[1]> = {}) {
  const unit = await createUnitRow(db, { contactEmail: `unit${Math.random().toString(36).slice(2, 8)}@example.com`, ...overrides });
  const user = await createUserRow(db, 'unit', { unitId: unit.id, email: `u${Math.random().toString(36).slice(2, 8)}@example.com` });
  return { unit, user, s: await loginAs(app, user.username) };
}

/** A multipart body carrying one file in the field `file`. */
export function multipartFile(content: Buffer, fileName: string, contentType: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----zjtest' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A finalized form as the API shows it (the part the tests need). */
export interface FinalizedFormView {
  id: string;
  version: number;
  finalized: { versionNo: number; verificationCode: string } | null;
}

/**
 * A stand-in for a sealed scan where the scan itself is not under test: a PNG of the QR code the print copy carries
 * (a real code, read by the real reader). The scan tests use rasterized, rotated, noisy print copies instead.
 */
export async function qrOnlyScan(form: FinalizedFormView): Promise<Buffer> {
  if (!form.finalized) throw new Error('form is not finalized');
  return formCodePng({ formId: form.id, versionNo: form.finalized.versionNo, verificationCode: form.finalized.verificationCode }, 300);
}

/** Finalizes a saved form and uploads a matching scan through the API; answers the form view after the upload. */
export async function finalizeWithScan(s: Session, formId: string, version: number): Promise<FinalizedFormView> {
  const fin = await s.inject({ method: 'POST', url: `/api/forms/${formId}/finalize`, payload: { version } });
  expect(fin.statusCode, fin.body).toBe(200);
  const up = await s.inject({ method: 'POST', url: `/api/forms/${formId}/scan`, ...multipartFile(await qrOnlyScan(fin.json()), 'scan.png', 'image/png') });
  expect(up.statusCode, up.body).toBe(201);
  return (up.json() as { form: FinalizedFormView }).form;
}

/** Does the unit's part through the API: open the form, save rows, finalize, upload a matching scan, submit; answers the form id. */
export async function submitAsUnit(s: Session, campaignId: string, rows: unknown[] = [ELDER_CARE, AI_TRAINER]): Promise<string> {
  const form = (await s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaignId}` })).json() as { id: string; version: number };
  const saved = await s.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: form.version, header: HEADER, rows } });
  expect(saved.statusCode, saved.body).toBe(200);
  const scanned = await finalizeWithScan(s, form.id, saved.json().version);
  const sub = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version: scanned.version } });
  expect(sub.statusCode, sub.body).toBe(200);
  return form.id;
}
