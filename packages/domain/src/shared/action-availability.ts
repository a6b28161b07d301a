import { z } from 'zod';

/** Whether an action can succeed now and, when it cannot, why (Chinese, shown beside the disabled control). */
export const ActionAvailabilitySchema = z.object({ allowed: z.boolean(), reason: z.string().nullable() });
/** Whether an action can succeed now, with the reason when it cannot. */
export type ActionAvailability = z.infer<typeof ActionAvailabilitySchema>;

/** The reason given to someone whose role may not do the action at all. */
export const NO_PERMISSION_REASON = '您没有执行此操作的权限';

/** The availability of the first refusal found (null = none): allowed, or refused with that reason. */
export function availability(...refusals: (string | null)[]): ActionAvailability {
  const reason = refusals.find((r) => r !== null) ?? null;
  return { allowed: reason === null, reason };
}
