import { z } from 'zod';

/** One line of a count table (by industry, by unit type). */
export const StatisticsCountSchema = z.object({ key: z.string(), rows: z.number(), candidates: z.number(), expected: z.number() });
/** The statistics of a campaign for charts and tables. */
export const CampaignStatisticsSchema = z.object({
  totals: z.object({
    rosterSize: z.number(),
    submittedUnits: z.number(),
    rows: z.number(),
    candidates: z.number(),
    expected: z.number(),
    shortageCandidates: z.number(),
    shortageRows: z.number(),
  }),
  byIndustry: z.array(StatisticsCountSchema),
  byUnitType: z.array(StatisticsCountSchema),
  multiUnit: z.array(
    z.object({ occupationCode: z.string(), occupationName: z.string(), jobTypeName: z.string(), unitCount: z.number(), expected: z.number() }),
  ),
  progress: z.array(z.object({ date: z.string(), submitted: z.number(), accepted: z.number() })),
});
/** The statistics of a campaign. */
export type CampaignStatistics = z.infer<typeof CampaignStatisticsSchema>;
/** One line of a count table. */
export type StatisticsCount = z.infer<typeof StatisticsCountSchema>;
