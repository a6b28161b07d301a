import { AUDITOR_ACCOUNT_REFUSALS, DomainError, type AccountAction } from '@zhengji/domain';
import type { UseCaseContext } from '../context.ts';
import { writeAuditOutside } from '../audit/write-audit.ts';

/** Records that an administrator reached for an auditor account (separation of duties) and refuses it with 403. */
export async function refuseAuditorAccount(ctx: UseCaseContext, action: AccountAction, objectId: string | null): Promise<never> {
  await writeAuditOutside(ctx.db, ctx, {
    action,
    objectType: 'user',
    objectId,
    result: 'denied',
    changes: { reason: 'separation of duties: auditor account' },
  });
  throw new DomainError('FORBIDDEN', AUDITOR_ACCOUNT_REFUSALS[action]);
}
