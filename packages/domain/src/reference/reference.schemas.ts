import { z } from 'zod';
import { REFERENCE_DATASET_KINDS, SKILL_TYPE_HEURISTICS } from './reference.types.ts';
import { normalizeOccupationCode } from './reference.normalize.ts';

/** File names of the national datasets in `REFERENCE_DIR` (see shared/reference/README.md). */
export const REFERENCE_FILE_NAMES = {
  occupations: 'occupations-2022.json',
  newOccupations: 'new-occupations-post-2022.json',
  standards: 'national-skill-standards.json',
  qualifications: 'qualification-catalog-2021-skill.json',
} as const;

/** A full 细类 (occupation) code: `X-XX-XX-XX`, major group 1-8. */
export const OCCUPATION_CODE_PATTERN = /^[1-8]-\d{2}-\d{2}-\d{2}$/;
/** Any code of the 大典 tree: `4`, `4-10`, `4-10-01`, `4-10-01-05`. */
export const TREE_CODE_PATTERN = /^[1-8](-\d{2}){0,3}$/;

const nullableString = z.string().nullable().optional();

/** One record of occupations-2022.json (levels 1-3 carry only code, level, name, parentCode). */
export const OccupationRecordSchema = z.object({
  code: z.string().regex(TREE_CODE_PATTERN, '编码格式应为 X、X-XX、X-XX-XX 或 X-XX-XX-XX'),
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  name: z.string().min(1),
  parentCode: nullableString,
  markers: z
    .array(z.enum(['S', 'L']))
    .nullable()
    .optional(),
  status: z.enum(['current', 'recoded', 'print-only']).optional(),
  replacedBy: nullableString,
  printEditionName: nullableString,
  addedAfterPrint: z
    .object({
      batch: z.number().int().nullable().optional(),
      batchName: nullableString,
      publishedDate: nullableString,
      documentNo: nullableString,
    })
    .nullable()
    .optional(),
  skillTypeHeuristic: z.enum(SKILL_TYPE_HEURISTICS).nullable().optional(),
  jobTypes: z
    .array(z.object({ name: z.string() }))
    .nullable()
    .optional(),
  definition: nullableString,
  mainTasks: z.array(z.string()).nullable().optional(),
});
/** One record of occupations-2022.json. */
export type OccupationRecord = z.input<typeof OccupationRecordSchema>;

/** One record of new-occupations-post-2022.json. */
export const NewOccupationRecordSchema = z.object({
  kind: z.enum(['occupation', 'jobType']),
  name: z.string().min(1),
  code: nullableString,
  parentOccupationCode: nullableString,
  batch: z.number().int().nullable().optional(),
  batchName: nullableString,
  status: nullableString,
  documentNo: nullableString,
  publishedDate: nullableString,
  digital: z.boolean().nullable().optional(),
  green: z.boolean().nullable().optional(),
  jobTypes: z
    .array(z.union([z.string(), z.object({ name: z.string() })]))
    .nullable()
    .optional(),
});
/** One record of new-occupations-post-2022.json. */
export type NewOccupationRecord = z.input<typeof NewOccupationRecordSchema>;

/** One record of national-skill-standards.json. */
export const StandardRecordSchema = z.object({
  code: z.string(),
  standardName: z.string().min(1),
  occupationName: nullableString,
  jobTypesCovered: z.array(z.string()).nullable().optional(),
  trial: z.boolean().nullable().optional(),
  editionYear: z.number().int().min(1990).max(2100).nullable().optional(),
  mappedOccupationCode2022: nullableString,
  mappingMethod: nullableString,
});
/** One record of national-skill-standards.json. */
export type StandardRecord = z.input<typeof StandardRecordSchema>;

/** One record of qualification-catalog-2021-skill.json. */
export const QualificationRecordSchema = z.object({
  qualificationItem: z.string().min(1),
  mappedOccupationCodes: z.array(z.string()).nullable().optional(),
});
/** One record of qualification-catalog-2021-skill.json. */
export type QualificationRecord = z.input<typeof QualificationRecordSchema>;

/** One entry of a Shanghai list (shortage catalogue or already offered), as entered by the center. */
export const ReferenceListEntrySchema = z.strictObject({
  occupationCode: z.string().trim().regex(OCCUPATION_CODE_PATTERN, '职业编码格式应为 X-XX-XX-XX，如 4-10-01-05'),
  jobTypeName: z.string().trim().max(100).nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
  source: z.string().trim().max(200).nullable().default(null),
});
/** One entry of a Shanghai list as entered. */
export type ReferenceListEntryInput = z.input<typeof ReferenceListEntrySchema>;

/** An entry as the list editor sends it (the code normalized: full-width digits and dashes accepted), with the version it was edited from. */
export const ListEntryInputSchema = ReferenceListEntrySchema.extend({
  occupationCode: z.preprocess((v) => (typeof v === 'string' ? normalizeOccupationCode(v) : v), ReferenceListEntrySchema.shape.occupationCode),
  isDemo: z.boolean().default(false),
  baseVersionId: z.uuid('版本编号格式不正确').nullable(),
});
/** An entry as the editor sends it. */
export type ListEntryInput = z.input<typeof ListEntryInputSchema>;

/**
 * Everything `buildReferenceIndex` needs: the records of the JSON files, plus the two Shanghai lists.
 * A list left undefined means the dataset is not available, and the rules that need it are skipped;
 * an empty array means the list is known to be empty.
 */
export interface ReferenceBuildInput {
  occupations: readonly OccupationRecord[];
  newOccupations?: readonly NewOccupationRecord[];
  standards: readonly StandardRecord[];
  qualifications: readonly QualificationRecord[];
  shortage?: readonly ReferenceListEntryInput[];
  offered?: readonly ReferenceListEntryInput[];
}

/** The `{ meta, records }` shape of every JSON file of the reference folder. */
export const ReferenceFileSchema = z.object({ meta: z.unknown().optional(), records: z.array(z.unknown()) });

/** Parsed JSON of the reference files (each `{ meta, records }`); newOccupations is optional. */
export interface ReferenceFilesJson {
  occupations: unknown;
  newOccupations?: unknown;
  standards: unknown;
  qualifications: unknown;
}

function parseRecords<T extends z.ZodType>(fileName: string, json: unknown, schema: T): z.output<T>[] {
  const file = ReferenceFileSchema.safeParse(json);
  if (!file.success) throw new Error(`${fileName}：文件结构应为 {"meta": …, "records": […]}`);
  return file.data.records.map((record, i) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${fileName} 第 ${String(i + 1)} 条记录有误：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
    }
    return parsed.data;
  });
}

/** Validates the parsed JSON files of the reference folder into a build input (throws with a Chinese message). */
export function referenceBuildInputFromJson(files: ReferenceFilesJson): ReferenceBuildInput {
  return {
    occupations: parseRecords(REFERENCE_FILE_NAMES.occupations, files.occupations, OccupationRecordSchema),
    newOccupations:
      files.newOccupations === undefined ? [] : parseRecords(REFERENCE_FILE_NAMES.newOccupations, files.newOccupations, NewOccupationRecordSchema),
    standards: parseRecords(REFERENCE_FILE_NAMES.standards, files.standards, StandardRecordSchema),
    qualifications: parseRecords(REFERENCE_FILE_NAMES.qualifications, files.qualifications, QualificationRecordSchema),
  };
}

/** The fields sent with an import of reference data files (multipart, beside the files). */
export const ImportFieldsSchema = z.object({
  kind: z.enum(REFERENCE_DATASET_KINDS, '请选择数据集类型'),
  name: z.string().trim().max(200).optional(),
  sourceDocument: z.string().trim().max(200).optional(),
  effectiveDate: z.iso.date('生效日期格式应为 YYYY-MM-DD').optional(),
});
/** The fields sent with an import. */
export type ImportFields = z.input<typeof ImportFieldsSchema>;
