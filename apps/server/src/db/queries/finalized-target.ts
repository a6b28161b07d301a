import { and, eq } from 'drizzle-orm';
import { DomainError, type FinalizedTarget } from '@zhengji/domain';
import { verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';
import type { Db } from '../client.ts';
import { formVersions } from '../schema/index.ts';
import type { FormRecord } from './form-state.ts';

/** The finalized version of a form a sealed scan must show; INVALID_STATE (saying to 定稿 first) when there is none. */
export async function finalizedTargetOf(db: Db, form: FormRecord): Promise<FinalizedTarget & { contentHash: string }> {
  if (form.finalizedVersionNo === null) {
    throw new DomainError('INVALID_STATE', '推荐表尚未定稿：请先点击“定稿”，打印定稿版本并加盖公章，再上传其扫描件');
  }
  const [version] = await db
    .select({ contentHash: formVersions.contentHash })
    .from(formVersions)
    .where(and(eq(formVersions.formId, form.id), eq(formVersions.number, form.finalizedVersionNo)));
  if (!version) throw new DomainError('NOT_FOUND', `推荐表的第 ${String(form.finalizedVersionNo)} 版定稿不存在，请撤销定稿后重新定稿`);
  return { formId: form.id, versionNo: form.finalizedVersionNo, verificationCode: verificationCodeOf(version.contentHash), contentHash: version.contentHash };
}
