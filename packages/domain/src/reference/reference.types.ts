/** The five kinds of reference dataset a campaign checks against (product.md §4). */
export const REFERENCE_DATASET_KINDS = ['occupations', 'standards', 'qualifications', 'shortage', 'offered'] as const;
/** One kind of reference dataset. */
export type ReferenceDatasetKind = (typeof REFERENCE_DATASET_KINDS)[number];

/** Chinese labels of the reference dataset kinds. */
export const REFERENCE_DATASET_LABELS: Record<ReferenceDatasetKind, string> = {
  occupations: '职业分类大典',
  standards: '国家职业技能标准目录',
  qualifications: '国家职业资格目录',
  shortage: '上海市急需紧缺高技能人才职业（工种）目录',
  offered: '本市已开展社会化职业技能等级认定的职业（工种）',
};

/** Level of a node of the 大典 tree: 1 大类, 2 中类, 3 小类, 4 细类 (occupation). */
export type OccupationLevel = 1 | 2 | 3 | 4;

/** Chinese labels of the tree levels. */
export const OCCUPATION_LEVEL_LABELS: Record<OccupationLevel, string> = { 1: '大类', 2: '中类', 3: '小类', 4: '细类（职业）' };

/** The 大典 markers: S 数字职业, L 绿色职业. */
export type OccupationMarker = 'S' | 'L';

/** Heuristic kind of an occupation by major group (no official per-occupation 技能类 flag exists). */
export const SKILL_TYPE_HEURISTICS = ['skill', 'clerical', 'professional', 'leader', 'military', 'other'] as const;
/** One skill-type heuristic value. */
export type SkillTypeHeuristic = (typeof SKILL_TYPE_HEURISTICS)[number];

/**
 * Status of a dictionary node: `current` is in the dictionary now; `recoded` was re-coded (see `replacedBy`);
 * `print-only` is only in the 2022 print edition.
 */
export type OccupationStatus = 'current' | 'recoded' | 'print-only';

/** The MOHRSS batch of new occupations an occupation was published in after the 2022 print edition. */
export interface NewOccupationBatch {
  batch: number | null;
  batchName: string | null;
  publishedDate: string | null;
  documentNo: string | null;
}

/** A node of the 大典 tree (levels 1-3 are groups; level 4 is an occupation, 细类). */
export interface OccupationNode {
  code: string;
  level: OccupationLevel;
  name: string;
  parentCode: string | null;
  /** S/L markers; null when unknown. */
  markers: readonly OccupationMarker[] | null;
  skillTypeHeuristic: SkillTypeHeuristic | null;
  /** 工种 names (the 大典 gives no 工种 codes). */
  jobTypes: readonly string[];
  definition: string | null;
  mainTasks: readonly string[];
  status: OccupationStatus;
  /** The new code of a re-coded occupation. */
  replacedBy: string | null;
  /** The 2022 print-edition name where it differs from the current name. */
  printEditionName: string | null;
  /** Set for occupations published after the 2022 print edition. */
  addedAfterPrint: NewOccupationBatch | null;
}

/** One entry of the national occupational skill standard catalogue. */
export interface NationalStandard {
  /** Name without the catalogue's S/L/① marks, e.g. `电子商务师`, `轨道列车司机（动车组司机）`. */
  standardName: string;
  /** Name exactly as the catalogue lists it (may carry S/L/① marks). */
  catalogName: string;
  /** Code as the catalogue lists it (may be a 2015 code, a legacy `X…` code or a 5-segment 工种 code). */
  catalogCode: string;
  /** The 2022 occupation code it is mapped to; null when unmapped. */
  occupationCode: string | null;
  editionYear: number | null;
  /** Version string as the form prints it, e.g. `2019年版`; null when the catalogue does not know it. */
  version: string | null;
  /** 工种 this standard is specific to; empty for a standard of the whole occupation. */
  jobTypesCovered: readonly string[];
  trial: boolean;
}

/** One item of the 国家职业资格目录 (2021) 技能人员职业资格, all access-type (准入类). */
export interface QualificationEntry {
  item: string;
  occupationCodes: readonly string[];
}

/** One entry of a Shanghai list (shortage catalogue or already offered): an occupation, or one of its 工种. */
export interface ReferenceListEntry {
  occupationCode: string;
  /** Null or empty: the whole occupation. */
  jobTypeName?: string | null;
  note?: string | null;
  source?: string | null;
}

/** Flags of an occupation (or of one of its 工种) that the form and the rules need. */
export interface OccupationFlags {
  /** Major group 1-8. */
  majorGroup: number;
  /** Major groups 4, 5, 6. */
  isSkillType: boolean;
  skillTypeHeuristic: SkillTypeHeuristic | null;
  isAccessQualification: boolean;
  inShortageCatalog: boolean;
  alreadyOffered: boolean;
  markers: readonly OccupationMarker[];
  isDigital: boolean;
  isGreen: boolean;
}
