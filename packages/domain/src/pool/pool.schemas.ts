import { z } from 'zod';

/** Merging candidates: the sources of `fromIds` are filed under `intoId` (the originals stay, read-only, linked). */
export const MergeCandidatesSchema = z.object({
  intoId: z.uuid('候选职业编号格式不正确'),
  fromIds: z.array(z.uuid('候选职业编号格式不正确')).min(1, '请选择要合并的候选职业').max(100),
});

/** Splitting a merged candidate back out. */
export const SplitCandidateSchema = z.object({ candidateId: z.uuid('候选职业编号格式不正确') });

/** Confirming that an overlap is intended (both kept). */
export const ConfirmOverlapSchema = z.object({ occupationCode: z.string().trim().min(1, '请提供职业编码').max(30) });
