import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REFERENCE_FILE_NAMES, referenceBuildInputFromJson, type ReferenceBuildInput } from '@zhengji/domain';

async function readJson(dir: string, name: string, optional: boolean): Promise<unknown> {
  const file = path.join(dir, name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`无法读取参考数据文件 ${file}：${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new Error(`参考数据文件 ${file} 不是有效的 JSON：${(error as Error).message}`, { cause: error });
  }
}

/**
 * Reads the national reference datasets of a folder (`REFERENCE_DIR`, see shared/reference/README.md) into the input
 * of `buildReferenceIndex`. The post-2022 new-occupation file is optional; the two Shanghai lists are not in the
 * folder (they are not public) and are left undefined, for the caller to add from the database.
 */
export async function loadReferenceFiles(dir: string): Promise<ReferenceBuildInput> {
  const [occupations, newOccupations, standards, qualifications] = await Promise.all([
    readJson(dir, REFERENCE_FILE_NAMES.occupations, false),
    readJson(dir, REFERENCE_FILE_NAMES.newOccupations, true),
    readJson(dir, REFERENCE_FILE_NAMES.standards, false),
    readJson(dir, REFERENCE_FILE_NAMES.qualifications, false),
  ]);
  return referenceBuildInputFromJson({ occupations, newOccupations, standards, qualifications });
}
