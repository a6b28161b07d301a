import { and, eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { formVersions } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { diffForms } from '../../form/form-content.ts';
import { loadFormFor } from '../../db/queries/form-state.ts';
import { versionState } from './list-form-versions.ts';
import type { FormVersionDetail } from '@zhengji/domain/form/form-view.schemas.ts';
import { verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';

/** Version `number` of a form (immutable), with the diff from version `number - 1`. */
export async function getFormVersion(ctx: UseCaseContext, formId: string, number: number): Promise<FormVersionDetail> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  await loadFormFor(ctx.db, actor, formId, 'viewHistory');
  const byNumber = async (n: number) =>
    (
      await ctx.db
        .select()
        .from(formVersions)
        .where(and(eq(formVersions.formId, formId), eq(formVersions.number, n)))
    )[0];
  const version = await byNumber(number);
  if (!version) throw new DomainError('NOT_FOUND', `该推荐表没有第 ${String(number)} 版`);
  const previous = number > 1 ? await byNumber(number - 1) : undefined;
  return {
    number: version.number,
    state: versionState(version),
    contentHash: version.contentHash,
    verificationCode: verificationCodeOf(version.contentHash),
    rowCount: version.rows.length,
    finalizedAt: version.finalizedAt,
    voidedAt: version.voidedAt,
    scanFileId: version.scanFileId,
    scanMatch: version.scanMatch,
    submittedAt: version.submittedAt,
    submittedBy: null,
    header: version.header,
    rows: version.rows,
    diff: previous ? { previous: previous.number, ...diffForms(previous, version) } : null,
  };
}
