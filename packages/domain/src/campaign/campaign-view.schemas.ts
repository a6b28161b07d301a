import { z } from 'zod';
import { DateTimeSchema, type Json } from '../shared/wire.ts';
import { ActionAvailabilitySchema } from '../shared/action-availability.ts';
import { CAMPAIGN_PAGE_ACTIONS } from './campaign.actions.ts';
import { CAMPAIGN_POLICY_ACTIONS } from './campaign.policy.ts';
import { ROSTER_STATES } from './campaign.schemas.ts';
import { CAMPAIGN_ACTIONS, CAMPAIGN_STATUSES } from './campaign.workflow.ts';

/** A campaign as the center's pages show it. */
export const CampaignViewSchema = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  docNo: z.string(),
  issuer: z.string(),
  issueDate: z.string(),
  opensAt: DateTimeSchema.nullable(),
  deadline: z.string(),
  deadlineLabel: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  conditionsText: z.string(),
  workflowText: z.string(),
  requirementsText: z.string(),
  instructions: z.array(z.string()),
  industryTags: z.array(z.string()),
  referenceVersions: z.record(z.string(), z.string()),
  status: z.enum(CAMPAIGN_STATUSES),
  /** An open campaign past its deadline shows as closed. */
  shownStatus: z.enum(CAMPAIGN_STATUSES),
  version: z.number(),
  rosterSize: z.number(),
  allowedActions: z.array(z.enum(CAMPAIGN_ACTIONS)),
  abilities: z.record(z.enum(CAMPAIGN_POLICY_ACTIONS), z.boolean()),
  /** The phase buttons and 提醒: whether each can succeed now, else why (campaignActions). */
  actions: z.record(z.enum(CAMPAIGN_PAGE_ACTIONS), ActionAvailabilitySchema),
  updatedAt: DateTimeSchema,
});
/** A campaign as shown. */
export type CampaignView = z.infer<typeof CampaignViewSchema>;
/** A campaign as the web receives it. */
export type CampaignViewJson = Json<typeof CampaignViewSchema>;

/** One expected unit on the roster board. */
export const RosterEntrySchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitType: z.enum(['district', 'industry']),
  state: z.enum(ROSTER_STATES),
  formId: z.string().nullable(),
  lastActivityAt: DateTimeSchema.nullable(),
  submittedAt: DateTimeSchema.nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  rowCount: z.number(),
  errorCount: z.number(),
  lateExceptionUntil: DateTimeSchema.nullable(),
  /** Neither the unit nor any of its enabled users has an e-mail address: no e-mail notification reaches it. */
  noEmail: z.boolean(),
});
/** The roster board: entries and counts by state. */
export const RosterSchema = z.object({ entries: z.array(RosterEntrySchema), counts: z.record(z.enum(ROSTER_STATES), z.number()), total: z.number() });
/** One expected unit on the roster board. */
export type RosterEntry = z.infer<typeof RosterEntrySchema>;
/** The roster board. */
export type Roster = z.infer<typeof RosterSchema>;
/** One roster entry, as the web receives it. */
export type RosterEntryJson = Json<typeof RosterEntrySchema>;
/** The roster board, as the web receives it. */
export type RosterJson = Json<typeof RosterSchema>;

/** A late exception as the center sees it: unit, reason, new time limit, who granted it and when. */
export const LateExceptionViewSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  reason: z.string(),
  until: DateTimeSchema,
  grantedBy: z.string().nullable(),
  grantedAt: DateTimeSchema,
});
/** A late exception. */
export type LateExceptionView = z.infer<typeof LateExceptionViewSchema>;
/** A late exception, as the web receives it. */
export type LateExceptionViewJson = Json<typeof LateExceptionViewSchema>;
