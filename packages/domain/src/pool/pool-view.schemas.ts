import { z } from 'zod';
import { ActionAvailabilitySchema } from '../shared/action-availability.ts';

/** A candidate of the pool as the center sees it. */
export const PoolCandidateViewSchema = z.object({
  id: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  jobTypeName: z.string(),
  standardName: z.string(),
  standardVersion: z.string(),
  industries: z.array(z.string()),
  inShortageCatalog: z.boolean(),
  expectedAssessments: z.number(),
  reasons: z.array(z.string()),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), priority: z.number() })),
  sources: z.array(
    z.object({
      formId: z.string(),
      versionNumber: z.number(),
      rowIndex: z.number(),
      unitName: z.string(),
      priority: z.number(),
      occupationCode: z.string(),
      jobTypeName: z.string(),
      expectedAssessments: z.number(),
      reason: z.string(),
    }),
  ),
  overlapFlag: z.boolean(),
  overlapResolved: z.boolean(),
  mergedIntoId: z.string().nullable(),
  status: z.string(),
});
/** The pool: active candidates, merged (read-only) ones and the open overlaps by occupation code. */
export const PoolSchema = z.object({
  candidates: z.array(PoolCandidateViewSchema),
  merged: z.array(PoolCandidateViewSchema),
  openOverlaps: z.array(z.string()),
  /** 生成/刷新, 确认分别保留, 合并, 拆分: whether they can succeed now, else why (poolActions). */
  actions: z.object({ change: ActionAvailabilitySchema }),
});
/** The pool as shown. */
export type PoolView = z.infer<typeof PoolSchema>;
/** A candidate of the pool. */
export type PoolCandidateView = z.infer<typeof PoolCandidateViewSchema>;
