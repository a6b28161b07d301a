import { z } from 'zod';
import { CAMPAIGN_STATUSES } from '../campaign/campaign.workflow.ts';
import { ExpertSchema } from './review.panel.ts';
import { REVIEW_POLICY_ACTIONS } from './review.policy.ts';
import { CANDIDATE_DECISIONS, REVIEW_OPINIONS, ReviewCriterionSchema } from './review.schemas.ts';

/** The states of a pool candidate through the review and the notice. */
export const CANDIDATE_STATUSES = ['candidate', 'selected', 'not_selected', 'withdrawn'] as const;
/** The states of a review. */
export const REVIEW_STATUSES = ['draft', 'submitted'] as const;

/** A campaign selectable in the expert evaluation. */
export const ReviewCampaignSchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number(),
  status: z.enum(CAMPAIGN_STATUSES),
  reviewersPerCandidate: z.number(),
});
/** A campaign selectable in the expert evaluation. */
export type ReviewCampaign = z.infer<typeof ReviewCampaignSchema>;

/** The review round of a campaign: criteria, deadline (Shanghai date), closing, seeds. */
export const ReviewRoundSchema = z.object({
  criteria: z.array(ReviewCriterionSchema),
  deadline: z.string().nullable(),
  closedAt: z.string().nullable(),
  closed: z.boolean(),
  drawSeed: z.string().nullable(),
  assignmentSeed: z.string().nullable(),
  version: z.number(),
});
/** The review round of a campaign. */
export type ReviewRound = z.infer<typeof ReviewRoundSchema>;

/** A member of the panel with availability, cap, drawn flag and load. */
export const PanelMemberSchema = ExpertSchema.extend({ available: z.boolean(), cap: z.number(), drawn: z.boolean(), load: z.number(), inPanel: z.boolean() });
/** A member of the panel. */
export type PanelMember = z.infer<typeof PanelMemberSchema>;

/** One reviewer of a candidate on the board. */
export const BoardAssignmentSchema = z.object({
  id: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  status: z.enum(['active', 'removed']),
  source: z.enum(['auto', 'manual']),
  conflictFlag: z.boolean(),
  reviewStatus: z.enum(REVIEW_STATUSES).nullable(),
});
/** One reviewer of a candidate on the board. */
export type BoardAssignment = z.infer<typeof BoardAssignmentSchema>;

const CandidateUnitSchema = z.object({ unitId: z.string(), unitName: z.string(), priority: z.number() });

/** One candidate of the board with its recommending units and reviewers. */
export const BoardCandidateSchema = z.object({
  id: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  jobTypeName: z.string(),
  industries: z.array(z.string()),
  status: z.enum(CANDIDATE_STATUSES),
  units: z.array(CandidateUnitSchema),
  assignments: z.array(BoardAssignmentSchema),
});
/** One candidate of the board. */
export type BoardCandidate = z.infer<typeof BoardCandidateSchema>;

/** The center's board of a review round. */
export const ReviewBoardSchema = z.object({
  campaign: ReviewCampaignSchema.omit({ year: true }).extend({ industryTags: z.array(z.string()) }),
  round: ReviewRoundSchema,
  /** What the board may do now, with the server's reason when it cannot (e.g. the call is still open). */
  actions: z.record(z.enum(['assign', 'draw', 'autoAssign']), z.object({ allowed: z.boolean(), reason: z.string().nullable() })),
  panel: z.array(PanelMemberSchema),
  candidates: z.array(BoardCandidateSchema),
});
/** The center's board of a review round. */
export type ReviewBoard = z.infer<typeof ReviewBoardSchema>;

/** A review as the API shows it. */
export const ReviewSchema = z.object({
  id: z.string(),
  scores: z.record(z.string(), z.number().nullable()),
  opinion: z.enum(REVIEW_OPINIONS).nullable(),
  comment: z.string(),
  status: z.enum(REVIEW_STATUSES),
  version: z.number(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
/** A review. */
export type Review = z.infer<typeof ReviewSchema>;

/** The expert's worklist; `conflicted` items became 回避 (the expert's unit recommended them) and cannot be opened. */
export const MyReviewsSchema = z.object({
  campaign: z.object({ id: z.string(), title: z.string() }),
  expert: z.object({ id: z.string(), name: z.string() }),
  round: ReviewRoundSchema,
  items: z.array(
    z.object({
      candidateId: z.string(),
      occupationCode: z.string(),
      occupationName: z.string(),
      jobTypeName: z.string(),
      industries: z.array(z.string()),
      reviewStatus: z.enum(REVIEW_STATUSES).nullable(),
      opinion: z.enum(REVIEW_OPINIONS).nullable(),
      updatedAt: z.string().nullable(),
      conflicted: z.boolean(),
    }),
  ),
  progress: z.object({ total: z.number(), submitted: z.number(), drafts: z.number(), conflicted: z.number() }),
  /** Why conflicted items cannot be opened (Chinese), or null. */
  conflictReason: z.string().nullable(),
});
/** The expert's worklist. */
export type MyReviews = z.infer<typeof MyReviewsSchema>;

/** A candidate to review: what the units wrote, the reference data, the round, the reviews the actor may see. */
export const ReviewCandidateSchema = z.object({
  candidate: z.object({
    id: z.string(),
    campaignId: z.string(),
    occupationCode: z.string(),
    occupationName: z.string(),
    jobTypeName: z.string(),
    standardName: z.string(),
    standardVersion: z.string(),
    industries: z.array(z.string()),
    inShortageCatalog: z.boolean(),
    expectedAssessments: z.number(),
    reasons: z.array(z.string()),
    status: z.enum(CANDIDATE_STATUSES),
  }),
  units: z.array(
    z.object({
      unitName: z.string(),
      priority: z.number(),
      expectedAssessments: z.number().nullable(),
      industries: z.array(z.string()),
      reason: z.string(),
      jobTypeName: z.string(),
    }),
  ),
  reference: z
    .object({
      name: z.string(),
      definition: z.string().nullable(),
      mainTasks: z.array(z.string()),
      jobTypes: z.array(z.string()),
      standards: z.array(z.object({ name: z.string(), version: z.string().nullable(), jobTypesCovered: z.array(z.string()) })),
    })
    .nullable(),
  round: ReviewRoundSchema,
  myReview: ReviewSchema.nullable(),
  otherReviews: z.array(ReviewSchema.extend({ expertName: z.string(), weightedScore: z.number().nullable() })),
  abilities: z.record(z.enum(REVIEW_POLICY_ACTIONS), z.boolean()),
});
/** A candidate to review. */
export type ReviewCandidate = z.infer<typeof ReviewCandidateSchema>;

/** One candidate of the aggregation: reviews, means, opinions, proposal, and what blocks a decision. */
export const ResultItemSchema = z.object({
  id: z.string(),
  version: z.number(),
  occupationCode: z.string(),
  occupationName: z.string(),
  jobTypeName: z.string(),
  industries: z.array(z.string()),
  expectedAssessments: z.number(),
  units: z.array(z.object({ unitName: z.string(), priority: z.number() })),
  status: z.enum(CANDIDATE_STATUSES),
  decisionReason: z.string().nullable(),
  assigned: z.number(),
  submitted: z.number(),
  conflicts: z.array(z.object({ assignmentId: z.string(), expertName: z.string(), reviewStatus: z.enum(REVIEW_STATUSES).nullable() })),
  removedDrafts: z.array(
    z.object({
      expertName: z.string(),
      status: z.enum(REVIEW_STATUSES),
      scores: z.record(z.string(), z.number().nullable()),
      opinion: z.enum(REVIEW_OPINIONS).nullable(),
      comment: z.string(),
    }),
  ),
  reviews: z.array(
    z.object({
      reviewId: z.string(),
      expertName: z.string(),
      status: z.enum(REVIEW_STATUSES),
      opinion: z.enum(REVIEW_OPINIONS).nullable(),
      scores: z.record(z.string(), z.number().nullable()),
      comment: z.string(),
      weightedScore: z.number().nullable(),
    }),
  ),
  weightedMean: z.number().nullable(),
  criterionMeans: z.record(z.string(), z.number().nullable()),
  opinions: z.record(z.enum(REVIEW_OPINIONS), z.number()),
  agreeShare: z.number(),
  disagreement: z.boolean(),
  proposal: z.enum(CANDIDATE_DECISIONS).nullable(),
});
/** One candidate of the aggregation. */
export type ResultItem = z.infer<typeof ResultItemSchema>;

/** GET /api/campaigns/:id/review/results: the aggregation with the threshold it was proposed by. */
export const ReviewResultsSchema = z.object({
  campaign: z.object({ id: z.string(), title: z.string(), status: z.enum(CAMPAIGN_STATUSES) }),
  round: ReviewRoundSchema,
  threshold: z.object({ minAgreeShare: z.number(), minReviews: z.number(), minWeightedMean: z.number().optional() }),
  items: z.array(ResultItemSchema),
});
/** The aggregation of a campaign's review. */
export type ReviewResults = z.infer<typeof ReviewResultsSchema>;

/** POST/PUT /api/experts: the saved expert, the new account's one-time password, and the candidates newly flagged 回避. */
export const ExpertSavedSchema = z.object({ expert: ExpertSchema, temporaryPassword: z.string().nullable(), conflictsFlagged: z.number().int().optional() });
/** A saved expert. */
export type ExpertSaved = z.infer<typeof ExpertSavedSchema>;

/** POST /api/experts/import: how many experts were created and the one-time passwords of their new accounts. */
export const ExpertImportResultSchema = z.object({
  created: z.number().int(),
  accounts: z.array(z.object({ username: z.string(), temporaryPassword: z.string() })),
});
/** The outcome of an expert list import. */
export type ExpertImportResult = z.infer<typeof ExpertImportResultSchema>;

/** POST /api/campaigns/:id/review/draw: the recorded seed and the experts drawn. */
export const PanelDrawResultSchema = z.object({ seed: z.number().int(), drawn: z.array(z.string()) });
/** The outcome of a panel draw. */
export type PanelDrawResult = z.infer<typeof PanelDrawResultSchema>;

/** POST /api/campaigns/:id/review/auto-assign: what was created and kept, and the candidates short of reviewers. */
export const AutoAssignResultSchema = z.object({
  seed: z.number().int(),
  created: z.number().int(),
  kept: z.number().int(),
  shortfalls: z.array(z.object({ candidateId: z.string(), label: z.string(), needed: z.number().int(), assigned: z.number().int(), reason: z.string() })),
  loads: z.record(z.string(), z.number()),
  loadSpread: z.number(),
});
/** The outcome of an automatic assignment. */
export type AutoAssignResult = z.infer<typeof AutoAssignResultSchema>;

/** POST manual assignment, POST reassign: the new assignment's id. */
export const AssignmentCreatedSchema = z.object({ id: z.string() });
/** A new assignment. */
export type AssignmentCreated = z.infer<typeof AssignmentCreatedSchema>;

/** DELETE /api/review/assignments/:id: the status of the review kept from the removed assignment (null: none). */
export const AssignmentRemovedSchema = z.object({ keptReview: z.enum(REVIEW_STATUSES).nullable() });
/** A removed assignment. */
export type AssignmentRemoved = z.infer<typeof AssignmentRemovedSchema>;

/** POST /api/campaigns/:id/review/remind: how many experts were reminded. */
export const RemindResultSchema = z.object({ reminded: z.number().int() });
/** The outcome of a reminder. */
export type RemindResult = z.infer<typeof RemindResultSchema>;

/** POST /api/campaigns/:id/review/decisions: how many candidates were decided. */
export const DecisionsResultSchema = z.object({ decided: z.number().int() });
/** The outcome of the decisions. */
export type DecisionsResult = z.infer<typeof DecisionsResultSchema>;
