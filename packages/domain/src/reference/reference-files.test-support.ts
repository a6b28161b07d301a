/**
 * Test-only: reads the real reference files of `REFERENCE_DIR` (default `../shared/reference` beside the repository)
 * and builds the index once per test file. Never exported from index.ts.
 *
 * The domain tsconfig deliberately carries no Node types, so that its source cannot use Node APIs by accident;
 * this helper therefore reaches `node:fs` through a non-literal import specifier, which TypeScript does not resolve.
 */
import { buildReferenceIndex, type ReferenceIndex } from './reference-index.ts';
import { REFERENCE_FILE_NAMES, referenceBuildInputFromJson, type ReferenceBuildInput } from './reference.schemas.ts';

interface NodeFs {
  readFileSync(path: string, encoding: 'utf8'): string;
}

const fsSpecifier = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ fsSpecifier)) as NodeFs;
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};

/** The reference folder: `REFERENCE_DIR`, else `<repo root>/../shared/reference`. */
export const referenceDir: string = env.REFERENCE_DIR ?? decodeURIComponent(new URL('../../../../../shared/reference', import.meta.url).pathname);

const readJson = (name: string): unknown => JSON.parse(readFileSync(`${referenceDir}/${name}`, 'utf8'));

/** The build input from the real files, plus the given Shanghai lists (which are not public). */
export function loadReferenceInput(lists: Pick<ReferenceBuildInput, 'shortage' | 'offered'> = {}): ReferenceBuildInput {
  return {
    ...referenceBuildInputFromJson({
      occupations: readJson(REFERENCE_FILE_NAMES.occupations),
      newOccupations: readJson(REFERENCE_FILE_NAMES.newOccupations),
      standards: readJson(REFERENCE_FILE_NAMES.standards),
      qualifications: readJson(REFERENCE_FILE_NAMES.qualifications),
    }),
    ...lists,
  };
}

/** Test stand-ins for the two Shanghai lists: the official lists are not public (see shared/reference/README.md). */
export const TEST_SHORTAGE_LIST = [
  { occupationCode: '4-04-05-05', jobTypeName: null, note: '测试数据', source: '测试' },
  { occupationCode: '4-10-01-05', jobTypeName: null, note: '测试数据', source: '测试' },
] as const;
/** Test stand-in for the already-offered list: one whole occupation and one 工种. */
export const TEST_OFFERED_LIST = [
  { occupationCode: '6-31-01-03', jobTypeName: null, note: '测试数据', source: '测试' },
  { occupationCode: '4-01-06-02', jobTypeName: '直播销售员', note: '测试数据', source: '测试' },
] as const;

/** An index of the real national data with the test Shanghai lists. */
export function loadTestIndex(): ReferenceIndex {
  return buildReferenceIndex(loadReferenceInput({ shortage: TEST_SHORTAGE_LIST, offered: TEST_OFFERED_LIST }));
}
