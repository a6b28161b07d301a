import {
  DomainError,
  OBJECTION_FILE_MAX_BYTES,
  OBJECTION_MAX_FILES,
  ObjectionInputSchema,
  assertObjectionItemListed,
  assertWithinObjectionPeriod,
  formatChineseDate,
} from '@zhengji/domain';
import { objectionFiles, objections, outbox } from '../../db/schema/index.ts';
import { hitRateCounter } from '../../db/queries/rate-counter.ts';
import { detectScanMime, storeFile, type IncomingFile } from '../file/store-file.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { itemLabel, loadNotice } from '../notice/notice-support.ts';
import { verifyChallenge } from './objection-challenge.ts';
import { hashQueryCode, newQueryCode, newReceiptNo } from './objection-codes.ts';

/** Objections one address may file per minute and per hour. */
export const OBJECTION_LIMITS = { perMinute: 5, perHour: 20 } as const;

/** What the public form sends: its text fields, the challenge, the evidence files. */
export interface FileObjectionInput {
  fields: Record<string, string>;
  files: IncomingFile[];
}

/** What the objector gets: the receipt number and the query code (shown once, never stored). */
export interface ObjectionReceipt {
  receiptNo: string;
  queryCode: string;
  itemLabel: string;
  filedAt: Date;
}

async function throttle(ctx: UseCaseContext): Promise<void> {
  const now = ctx.clock.now();
  const ip = ctx.ip ?? 'unknown';
  const minute = await hitRateCounter(ctx.db, `objection:ip:${ip}:m`, 60, now);
  const hour = minute.count > OBJECTION_LIMITS.perMinute ? minute : await hitRateCounter(ctx.db, `objection:ip:${ip}:h`, 3600, now);
  const over = minute.count > OBJECTION_LIMITS.perMinute ? minute : hour.count > OBJECTION_LIMITS.perHour ? hour : null;
  if (over) {
    const retryAfterSeconds = Math.max(1, Math.ceil((over.resetAt.getTime() - now.getTime()) / 1000));
    throw new DomainError('RATE_LIMITED', `提交过于频繁，请${String(retryAfterSeconds)}秒后再试`, { retryAfterSeconds });
  }
}

function checkEvidence(files: IncomingFile[]): string[] {
  if (files.length > OBJECTION_MAX_FILES) throw new DomainError('PAYLOAD_TOO_LARGE', `证明材料最多${String(OBJECTION_MAX_FILES)}个文件`);
  return files.map((f) => {
    if (f.truncated || f.content.length > OBJECTION_FILE_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `文件“${f.originalName}”超过 10 MB，请压缩后重新上传`);
    if (f.content.length === 0) throw new DomainError('VALIDATION', `文件“${f.originalName}”是空文件，请重新选择`);
    const mime = detectScanMime(f.content);
    if (!mime) throw new DomainError('UNSUPPORTED_MEDIA', `文件“${f.originalName}”的内容不是 PDF、JPEG 或 PNG（系统按文件内容识别，与扩展名无关），请另存为这三种格式后上传`);
    return mime;
  });
}

/** Files a public objection during the notice period: throttled per address, challenge checked, evidence checked by content. */
export async function fileObjection(ctx: UseCaseContext, noticeId: string, input: FileObjectionInput): Promise<ObjectionReceipt> {
  await throttle(ctx);
  const notice = await loadNotice(ctx.db, noticeId);
  if (notice.status !== 'published') throw new DomainError('NOT_FOUND', '该公示不存在');
  const now = ctx.clock.now();
  assertWithinObjectionPeriod({ startDate: notice.startDate, endDate: notice.endDate }, now);
  const { challengeToken = '', challengeAnswer = '', ...fields } = input.fields;
  const data = ObjectionInputSchema.parse(fields);
  const item = notice.items.find((i) => i.candidateId === data.itemId);
  assertObjectionItemListed(data.itemId, new Set(notice.items.map((i) => i.candidateId)));
  const mimes = checkEvidence(input.files);
  await verifyChallenge(ctx.db, challengeToken, challengeAnswer, now);
  const receiptNo = newReceiptNo(now);
  const queryCode = newQueryCode();
  const label = itemLabel(item!);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(objections)
      .values({
        noticeId,
        itemSeq: item!.seq,
        candidateId: item!.candidateId,
        receiptNo,
        queryCodeHash: hashQueryCode(queryCode),
        name: data.name,
        phone: data.phone ?? null,
        email: data.email ?? null,
        organization: data.organization ?? null,
        grounds: data.grounds,
        ip: ctx.ip,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: objections.id });
    for (const [i, f] of input.files.entries()) {
      const stored = await storeFile(tx, ctx, { ...f, mime: mimes[i]!, ownerUnitId: null });
      await tx.insert(objectionFiles).values({ objectionId: row!.id, fileId: stored.id });
    }
    if (data.email) {
      await tx.insert(outbox).values({
        dedupeKey: `objection:${row!.id}:receipt`,
        to: data.email,
        subject: `异议已收到（受理编号 ${receiptNo}）`,
        body: `您对“${label}”提出的异议已于${formatChineseDate(now)}收到，受理编号 ${receiptNo}。请凭受理编号和提交时获得的查询码在公示网站查询办理进度和答复。`,
        nextAttemptAt: now,
        createdAt: now,
      });
    }
    await writeAudit(tx, ctx, { action: 'objection.file', objectType: 'objection', objectId: row!.id, changes: { noticeId, receiptNo, itemSeq: item!.seq, files: input.files.length } });
  });
  return { receiptNo, queryCode, itemLabel: label, filedAt: now };
}
