import { z } from 'zod';

/** One figure of a role's home page. */
export const DashboardCardSchema = z.object({
  key: z.string(),
  title: z.string(),
  value: z.union([z.number(), z.string()]),
  suffix: z.string().optional(),
  hint: z.string(),
  link: z.string().nullable(),
});
export type DashboardCard = z.infer<typeof DashboardCardSchema>;

/** The figures of the actor's home page, computed by the server for the actor's role. */
export const DashboardSchema = z.object({ cards: z.array(DashboardCardSchema) });
export type Dashboard = z.infer<typeof DashboardSchema>;
