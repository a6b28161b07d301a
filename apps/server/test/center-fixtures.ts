import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { campaignUnits, campaigns } from '../src/db/schema/index.ts';
import { createUnitRow, createUserRow } from './factories.ts';
import { loginAs, type Session } from './auth.ts';

/** The national reference files the eligibility rules read in API tests: `REFERENCE_DIR`, else `../shared/reference` beside the repository. */
export const REFERENCE_DIR = process.env.REFERENCE_DIR ?? new URL('../../../../shared/reference', import.meta.url).pathname;

/** Rows that pass every eligibility rule. */
export const ELDER_CARE = { occupationCode: '4-10-01-05', occupationName: '养老护理员', jobTypeName: '', standardName: '养老护理员', standardVersion: '2019年版', inShortageCatalog: true, industries: ['养老护理'], expectedAssessments: 1200, reason: '本市老龄化程度高，养老护理人员缺口大' };
export const AI_TRAINER = { ...ELDER_CARE, occupationCode: '4-04-05-05', occupationName: '人工智能训练师', standardName: '人工智能训练师', standardVersion: '2021年版', inShortageCatalog: false, industries: ['人工智能'], expectedAssessments: 800, reason: '人工智能产业快速发展' };
export const AI_LABELER = { ...AI_TRAINER, jobTypeName: '数据标注员', expectedAssessments: 300, reason: '数据标注岗位需求快速增长' };
const HEADER = { contactName: '张三', contactPhone: '13912345678', fillDate: '2024-10-08' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** Inserts an open campaign (deadline 2024-10-22) with the given units on its roster. */
export async function openCampaignRow(db: Db, unitIds: string[] = [], overrides: Partial<typeof campaigns.$inferInsert> = {}) {
  const [row] = await db
    .insert(campaigns)
    .values({ year: 2024, title: '2024年社会化职业技能等级认定职业（工种）征集', docNo: '沪人社职〔2024〕319号', issuer: '上海市人力资源和社会保障局', issueDate: '2024-09-25', deadline: '2024-10-22', status: 'open', industryTags: ['养老护理', '人工智能', '高端装备'], ...overrides })
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

/** Does the unit's part through the API: open the form, save rows, upload a scan, submit; answers the form id. */
export async function submitAsUnit(s: Session, campaignId: string, rows: unknown[] = [ELDER_CARE, AI_TRAINER]): Promise<string> {
  const form = (await s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaignId}` })).json() as { id: string; version: number };
  const saved = await s.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: form.version, header: HEADER, rows } });
  expect(saved.statusCode, saved.body).toBe(200);
  const boundary = '----zjcenter' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const up = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/scan`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  expect(up.statusCode, up.body).toBe(201);
  const sub = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version: saved.json().version } });
  expect(sub.statusCode, sub.body).toBe(200);
  return form.id;
}
