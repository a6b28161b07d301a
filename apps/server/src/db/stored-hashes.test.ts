import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { canonicalJson, serializeNoticeSnapshot } from '@zhengji/domain';
import type { FormHeader, FormRow } from '@zhengji/domain';
import { createTestApp } from '../../test/test-app.ts';
import { ELDER_CARE, AI_TRAINER, REFERENCE_DIR, openCampaignRow, unitWithUser } from '../../test/center-fixtures.ts';
import { formContentHash } from '../form/form-content.ts';
import { chainHash } from '../use-cases/audit/write-audit.ts';
import { verifyAuditChain } from '../use-cases/audit/verify-audit-chain.ts';
import { contentHashOf } from '../reference/prepare-import.ts';
import type { StoredRecord } from '../reference/parse-dataset.ts';
import { formVersions, forms } from './schema/index.ts';

// Every stored hash is taken over canonicalJson (packages/domain/src/shared/canonical-json.ts). The expected digests
// below were computed by the three serialisations it replaced (form content, audit chain, reference content, notice
// snapshot and final list): a stored version, audit row or list must verify after any change to it.
const { app, db, clock } = await createTestApp({ referenceDir: REFERENCE_DIR });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const HEADER = { contactName: '张三', contactPhone: '021-12345678', note: 'e\u0301 & "引号"', extra: undefined } as unknown as FormHeader;
const ROWS = [{ ...ELDER_CARE, expectedAssessments: 3000, industries: ['养老护理', 'e\u0301'], reason: '理由\n第二行' }] as FormRow[];

describe('hashes of stored content stay the same', () => {
  it('form version, audit row, reference version, notice snapshot, final list', () => {
    expect(
      formContentHash({ campaignId: '11111111-1111-4111-8111-111111111111', unitId: '22222222-2222-4222-8222-222222222222', header: HEADER, rows: ROWS }),
    ).toBe('4d6f721e5a17ddb75b4964591f9fc631729096c4bab78c28fe37a69bde251ca8');
    const changes = { b: [1, null, undefined, 'e\u0301'], a: { z: undefined, y: 1.5, x: true }, n: NaN };
    const row = {
      at: new Date('2024-10-22T15:59:00.123Z'),
      actorUserId: 'u1',
      actorUsername: '张三',
      actorRole: 'unit',
      realActorUsername: null,
      onBehalfOfUnitId: null,
      ip: '127.0.0.1',
      action: 'form.submit',
      objectType: 'form',
      objectId: 'f1',
      result: 'ok',
      changes,
    };
    expect(chainHash('0'.repeat(64), row)).toBe('52677ee22f9604ce703fbe1c1651af7188021cdcd696b1fbd21adc4d1b49af72');
    const records = [
      { type: 'occupation', key: 'b', data: { name: '乙', code: 'b', list: [undefined, 1] } },
      { type: 'occupation', key: 'a', data: { z: 1, name: 'e\u0301', when: new Date('2024-01-01T00:00:00Z'), gone: undefined } },
    ] as unknown as StoredRecord[];
    expect(contentHashOf(records)).toBe('03db405c847b6627db3de9528b654fda1f2a81256ae3fdaad1f90e20e3cde356');
    const item = {
      itemId: 'c1',
      seq: 1,
      occupationCode: '4-10-01-05',
      occupationName: '养老护理员',
      jobTypeName: '',
      standardName: 'e\u0301',
      standardVersion: '2019年版',
      industries: ['养老护理'],
      recommendingUnits: ['黄浦区'],
    };
    const notice = serializeNoticeSnapshot({
      title: ' 标题e\u0301 ',
      documentNumber: '沪〔2024〕1号',
      startDate: '2024-10-08',
      endDate: '2024-10-14',
      items: [item],
    });
    expect(sha256(notice)).toBe('c851fef8c70f4d64973d1344edae2d027c77cdff6fc0ea44c9dfb7613bf7e3d3');
    const finalList = canonicalJson({ campaignId: 'c', noticeHash: 'h', items: [{ seq: 1, name: 'e\u0301', é: 2 }], removed: [] }, { nfc: true });
    expect(sha256(finalList)).toBe('ff0093db2c9d1d5e1af58b43d452703f71f46d0c4a618e6d1ada95174d8ae828');
  });

  it('a finalized version read back from the database verifies against its stored hash, and so does the audit chain', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const u = await unitWithUser(app, db);
    const campaign = await openCampaignRow(db, [u.unit.id]);
    const mine = (await u.s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign.id}` })).json() as { id: string; version: number };
    const header = { contactName: '张三', contactPhone: '13912345678', fillDate: '2024-10-08' };
    const saved = await u.s.inject({
      method: 'PUT',
      url: `/api/forms/${mine.id}`,
      payload: { version: mine.version, header, rows: [ELDER_CARE, { ...AI_TRAINER, reason: 'e\u0301 组合字符' }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const fin = await u.s.inject({
      method: 'POST',
      url: `/api/forms/${mine.id}/finalize`,
      payload: { version: (saved.json() as { version: number }).version },
    });
    expect(fin.statusCode, fin.body).toBe(200);
    const [version] = await db.select().from(formVersions).where(eq(formVersions.formId, mine.id));
    const [form] = await db.select().from(forms).where(eq(forms.id, mine.id));
    expect(formContentHash({ campaignId: campaign.id, unitId: form!.unitId, header: version!.header, rows: version!.rows })).toBe(version!.contentHash);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
