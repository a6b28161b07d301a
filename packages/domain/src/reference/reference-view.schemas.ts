import { z } from 'zod';
import type { NationalStandard, NewOccupationBatch, OccupationFlags, OccupationNode, QualificationEntry, ReferenceListEntry } from './reference.types.ts';
import { REFERENCE_DATASET_KINDS, SKILL_TYPE_HEURISTICS } from './reference.types.ts';
import { SEARCH_MATCH_KINDS, type ReferenceSearchResult } from './reference-search.ts';

const LevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const MarkerSchema = z.enum(['S', 'L']);

/** One node of the 大典 tree as the browser lists it (GET /api/reference/tree). */
export const TreeNodeSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: LevelSchema,
  childCount: z.number(),
  markers: z.array(MarkerSchema).readonly(),
  standardCount: z.number(),
  status: z.string(),
});
/** One node of the tree. */
export type TreeNode = z.infer<typeof TreeNodeSchema>;

/** One problem of an import, by row (or record) number. */
export const RowIssueSchema = z.object({ row: z.number().nullable(), key: z.string().optional(), message: z.string() });
/** One problem of an import. */
export type RowIssue = z.infer<typeof RowIssueSchema>;

/** A line of a version's diff. */
export const DiffItemSchema = z.object({ key: z.string(), name: z.string(), from: z.string().optional() });
/** A line of a version's diff. */
export type DiffItem = z.infer<typeof DiffItemSchema>;

/** Difference between a new version and the active one (counts plus the first items of each list). */
export const DatasetDiffSchema = z.object({
  baseVersionId: z.string().nullable(),
  added: z.number(),
  removed: z.number(),
  renamed: z.number(),
  changed: z.number(),
  addedItems: z.array(DiffItemSchema),
  removedItems: z.array(DiffItemSchema),
  renamedItems: z.array(DiffItemSchema),
  changedItems: z.array(DiffItemSchema),
});
/** Difference between a new version and the active one. */
export type DatasetDiff = z.infer<typeof DatasetDiffSchema>;

/** The import report stored with a version and shown on its page. */
export const ImportReportSchema = z.object({
  source: z.enum(['file', 'startup', 'manual']),
  files: z.array(z.object({ fileName: z.string(), format: z.string(), encoding: z.string(), bytes: z.number() })),
  rowUnit: z.enum(['行', '条']),
  counts: z.record(z.string(), z.number()),
  errorCount: z.number(),
  warningCount: z.number(),
  errors: z.array(RowIssueSchema),
  warnings: z.array(RowIssueSchema),
  diff: DatasetDiffSchema,
  durationMs: z.number(),
  /** For manual edits of the Shanghai lists: what changed. */
  change: z.string().optional(),
});
/** The import report of a version. */
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** A dataset version (GET /api/reference/versions[/:id]); the full report only in the detail. */
export const ReferenceVersionSchema = z.object({
  id: z.string(),
  kind: z.enum(REFERENCE_DATASET_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  sourceDocument: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  importedBy: z.string().nullable(),
  importedAt: z.string(),
  activatedAt: z.string().nullable(),
  recordCount: z.number(),
  contentHash: z.string(),
  status: z.enum(['draft', 'active', 'superseded']),
  summary: z.object({
    errorCount: z.number(),
    warningCount: z.number(),
    counts: z.record(z.string(), z.number()),
    source: z.string(),
    change: z.string().nullable(),
    diff: z.object({ added: z.number(), removed: z.number(), renamed: z.number(), changed: z.number() }),
  }),
  report: ImportReportSchema.optional(),
  abilities: z.object({ activate: z.boolean(), discard: z.boolean() }),
});
/** A dataset version. */
export type ReferenceVersion = z.infer<typeof ReferenceVersionSchema>;

/** The two Shanghai lists. */
export const LIST_KINDS = ['shortage', 'offered'] as const;
/** One of the two Shanghai lists. */
export type ListKind = (typeof LIST_KINDS)[number];

/** One entry of a Shanghai list as the editor shows it. */
export const ListEntryViewSchema = z.object({
  entryId: z.string(),
  occupationCode: z.string(),
  occupationName: z.string().nullable(),
  jobTypeName: z.string().nullable(),
  note: z.string().nullable(),
  source: z.string().nullable(),
  isDemo: z.boolean(),
});
/** One entry of a Shanghai list. */
export type ListEntryView = z.infer<typeof ListEntryViewSchema>;

/** GET /api/reference/lists/:kind: the active version of a Shanghai list with its entries. */
export const ListViewSchema = z.object({
  kind: z.enum(LIST_KINDS),
  label: z.string(),
  version: ReferenceVersionSchema.nullable(),
  entries: z.array(ListEntryViewSchema),
  abilities: z.object({ edit: z.boolean(), import: z.boolean() }),
});
/** A Shanghai list. */
export type ListView = z.infer<typeof ListViewSchema>;

/** An MOHRSS batch of new occupations (after the 2022 print edition). */
export const NewOccupationBatchSchema = z.object({
  batch: z.number().nullable(),
  batchName: z.string().nullable(),
  publishedDate: z.string().nullable(),
  documentNo: z.string().nullable(),
}) satisfies z.ZodType<NewOccupationBatch>;

/** One entry of the national occupational skill standard catalogue. */
export const NationalStandardSchema = z.object({
  standardName: z.string(),
  catalogName: z.string(),
  catalogCode: z.string(),
  occupationCode: z.string().nullable(),
  editionYear: z.number().nullable(),
  version: z.string().nullable(),
  jobTypesCovered: z.array(z.string()).readonly(),
  trial: z.boolean(),
}) satisfies z.ZodType<NationalStandard>;

/** One item of the 国家职业资格目录. */
export const QualificationEntrySchema = z.object({ item: z.string(), occupationCodes: z.array(z.string()).readonly() }) satisfies z.ZodType<QualificationEntry>;

/** One entry of a Shanghai list as the index holds it (the entry of an occupation detail). */
export const ReferenceListEntryViewSchema = z.object({
  occupationCode: z.string(),
  jobTypeName: z.string().nullish(),
  note: z.string().nullish(),
  source: z.string().nullish(),
}) satisfies z.ZodType<ReferenceListEntry>;

/** The flags of an occupation the form and the rules need. */
export const OccupationFlagsSchema = z.object({
  majorGroup: z.number(),
  isSkillType: z.boolean(),
  skillTypeHeuristic: z.enum(SKILL_TYPE_HEURISTICS).nullable(),
  isAccessQualification: z.boolean(),
  inShortageCatalog: z.boolean(),
  alreadyOffered: z.boolean(),
  markers: z.array(MarkerSchema).readonly(),
  isDigital: z.boolean(),
  isGreen: z.boolean(),
}) satisfies z.ZodType<OccupationFlags>;

/** A node of the 大典 tree (levels 1-3 groups, level 4 an occupation). */
export const OccupationNodeSchema = z.object({
  code: z.string(),
  level: LevelSchema,
  name: z.string(),
  parentCode: z.string().nullable(),
  markers: z.array(MarkerSchema).readonly().nullable(),
  skillTypeHeuristic: z.enum(SKILL_TYPE_HEURISTICS).nullable(),
  jobTypes: z.array(z.string()).readonly(),
  definition: z.string().nullable(),
  mainTasks: z.array(z.string()).readonly(),
  status: z.enum(['current', 'recoded', 'print-only']),
  replacedBy: z.string().nullable(),
  printEditionName: z.string().nullable(),
  addedAfterPrint: NewOccupationBatchSchema.nullable(),
}) satisfies z.ZodType<OccupationNode>;

/**
 * GET /api/reference/occupations/:code: a node of the 大典 with its path, children, 工种, standards, qualifications,
 * list entries and flags (the lists and flags only for an occupation, 细类).
 */
export const OccupationDetailSchema = OccupationNodeSchema.extend({
  levelLabel: z.string(),
  path: z.array(z.object({ code: z.string(), name: z.string(), level: LevelSchema })),
  children: z.array(z.object({ code: z.string(), name: z.string(), level: LevelSchema, markers: z.array(MarkerSchema).readonly() })),
  jobTypes: z.array(z.string()).readonly(),
  standards: z.array(NationalStandardSchema).readonly(),
  qualifications: z.array(QualificationEntrySchema).readonly(),
  shortage: z.array(ReferenceListEntryViewSchema),
  offered: z.array(ReferenceListEntryViewSchema),
  listsAvailable: z.object({ shortage: z.boolean(), offered: z.boolean() }),
  flags: OccupationFlagsSchema.nullable(),
});
/** A node of the 大典 with everything its page shows. */
export type OccupationDetail = z.infer<typeof OccupationDetailSchema>;

/** One hit of GET /api/reference/search: an occupation, or one of its 工种, with what the form fills in from it. */
export const ReferenceSearchResultSchema = OccupationNodeSchema.pick({
  code: true,
  name: true,
  jobTypes: true,
  status: true,
  replacedBy: true,
  addedAfterPrint: true,
}).extend({
  matchedJobType: z.string().nullable(),
  matchKind: z.enum(SEARCH_MATCH_KINDS),
  standards: z.array(NationalStandardSchema).readonly(),
  flags: OccupationFlagsSchema,
}) satisfies z.ZodType<ReferenceSearchResult>;
