import { createHash, randomBytes } from 'node:crypto';
import {
  DomainError,
  OBJECTION_FILE_MAX_BYTES,
  OBJECTION_MAX_FILES,
  ObjectionInputSchema,
  assertObjectionItemListed,
  assertWithinObjectionPeriod,
} from '@zhengji/domain';
import { objectionFiles, objections, outbox } from '../../db/schema/index.ts';
import { attachFile, attachingPendingFiles, detectScanMime, storePendingFile, type IncomingFile, type PendingFile } from '../../files/store-file.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { itemLabel, loadNotice } from '../../db/queries/notice.ts';
import { verifyChallenge } from '../../objection/objection-challenge.ts';
import { checkObjectionCaps, mayMailAddress, throttleAddress } from '../../objection/objection-caps.ts';
import { hashQueryCode, newQueryCode, newReceiptNo } from '../../objection/objection-codes.ts';

export { OBJECTION_LIMITS } from '../../objection/objection-caps.ts';

/** How long the e-mail confirmation link of an objection stays valid. */
export const EMAIL_CONFIRM_TTL_MS = 7 * 24 * 3600_000;

/** What the public form sends: its text fields, the challenge, the evidence files. */
export interface FileObjectionInput {
  fields: Record<string, string>;
  files: IncomingFile[];
}

/** What the objector gets: the receipt number and the query code (shown once, never stored), and what was mailed. */
export interface ObjectionReceipt {
  receiptNo: string;
  queryCode: string;
  itemLabel: string;
  filedAt: Date;
  /** `sent`: a confirmation link went to the address; `withheld`: the address had its mails for today; null: no e-mail. */
  confirmation: 'sent' | 'withheld' | null;
}

/** SHA-256 (hex) of an e-mail confirmation token. */
export const hashEmailToken = (token: string) => createHash('sha256').update(token).digest('hex');

function checkEvidence(files: IncomingFile[]): string[] {
  if (files.length > OBJECTION_MAX_FILES) throw new DomainError('PAYLOAD_TOO_LARGE', `证明材料最多${String(OBJECTION_MAX_FILES)}个文件`);
  return files.map((f) => {
    if (f.truncated || f.content.length > OBJECTION_FILE_MAX_BYTES)
      throw new DomainError('PAYLOAD_TOO_LARGE', `文件“${f.originalName}”超过 10 MB，请压缩后重新上传`);
    if (f.content.length === 0) throw new DomainError('VALIDATION', `文件“${f.originalName}”是空文件，请重新选择`);
    const mime = detectScanMime(f.content);
    if (!mime)
      throw new DomainError(
        'UNSUPPORTED_MEDIA',
        `文件“${f.originalName}”的内容不是 PDF、JPEG 或 PNG（系统按文件内容识别，与扩展名无关），请另存为这三种格式后上传`,
      );
    return mime;
  });
}

/**
 * Files a public objection during the notice period: throttled per address, challenge checked, capped per address and
 * per notice, evidence checked by content and stored before the transaction. An e-mail address only gets a
 * confirmation link; the receipt is mailed once the link is followed (confirm-objection-email.ts).
 */
export async function fileObjection(ctx: UseCaseContext, noticeId: string, input: FileObjectionInput): Promise<ObjectionReceipt> {
  await throttleAddress(ctx);
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
  await checkObjectionCaps(ctx, noticeId);
  const receiptNo = newReceiptNo(now);
  const queryCode = newQueryCode();
  const label = itemLabel(item!);
  const mailConfirmation = data.email ? await mayMailAddress(ctx, data.email) : false;
  const token = mailConfirmation ? randomBytes(24).toString('base64url') : null;
  const pending: PendingFile[] = [];
  for (const [i, f] of input.files.entries()) pending.push(await storePendingFile(ctx, { ...f, mime: mimes[i]!, ownerUnitId: null }));
  await attachingPendingFiles(ctx.db, pending, () =>
    ctx.db.transaction(async (tx) => {
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
          emailTokenHash: token ? hashEmailToken(token) : null,
          organization: data.organization ?? null,
          grounds: data.grounds,
          ip: ctx.ip ?? 'unknown',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: objections.id });
      for (const p of pending) {
        await attachFile(tx, p, null);
        await tx.insert(objectionFiles).values({ objectionId: row!.id, fileId: p.id });
      }
      if (data.email && token) {
        await tx.insert(outbox).values({
          dedupeKey: `objection:${row!.id}:confirm`,
          to: data.email,
          subject: `请确认您的电子邮箱（异议受理编号 ${receiptNo}）`,
          body: `您在公示网站对“${label}”提出异议（受理编号 ${receiptNo}）时填写了本邮箱。请在7日内打开以下链接确认邮箱，确认后我们将发送受理回执，并以邮件通知办理结果：\n${ctx.config.publicUrl}/public/objections/confirm?token=${token}\n如非本人操作，请忽略本邮件，本邮箱不会再收到与该异议有关的邮件。`,
          nextAttemptAt: now,
          createdAt: now,
        });
      }
      await writeAudit(tx, ctx, {
        action: 'objection.file',
        objectType: 'objection',
        objectId: row!.id,
        changes: { noticeId, receiptNo, itemSeq: item!.seq, files: input.files.length, emailConfirmation: data.email ? (token ? 'sent' : 'withheld') : null },
      });
    }),
  );
  return { receiptNo, queryCode, itemLabel: label, filedAt: now, confirmation: data.email ? (token ? 'sent' : 'withheld') : null };
}
