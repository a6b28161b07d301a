import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { REFERENCE_DATASET_LABELS, REFERENCE_FILE_NAMES, type ReferenceDatasetKind } from '@zhengji/domain';
import type { StartupTask } from '../bootstrap/prepare-database.ts';
import type { Db } from '../db/client.ts';
import { referenceVersions } from '../db/schema/index.ts';
import { diffRecords } from './dataset-diff.ts';
import { recordKey, type StoredRecord } from './parse-dataset.ts';
import { contentHashOf, countRecords, prepareImport, storeVersion, type PreparedImport, type UploadedFile } from './prepare-import.ts';
import { getReferenceIndex, invalidateReferenceCache } from './reference-cache.ts';

/** The national files of REFERENCE_DIR imported at first start, by kind (in this order: the dictionary first). */
const STARTUP_FILES: [ReferenceDatasetKind, string[], string][] = [
  ['occupations', [REFERENCE_FILE_NAMES.occupations, REFERENCE_FILE_NAMES.newOccupations], '中华人民共和国职业分类大典（2022年版）及其后发布的新职业'],
  ['standards', [REFERENCE_FILE_NAMES.standards], '国家职业技能标准查询系统（osta.org.cn）目录'],
  ['qualifications', [REFERENCE_FILE_NAMES.qualifications], '国家职业资格目录（2021年版）'],
];

/** Demo entries of the two Shanghai lists (the official lists are not public), marked as such. */
export const DEMO_LIST_ENTRIES: Record<'shortage' | 'offered', { occupationCode: string; jobTypeName: string | null }[]> = {
  shortage: [
    { occupationCode: '4-04-05-05', jobTypeName: null },
    { occupationCode: '6-31-01-03', jobTypeName: null },
    { occupationCode: '6-18-02-04', jobTypeName: null },
  ],
  offered: [
    { occupationCode: '4-10-01-06', jobTypeName: null },
    { occupationCode: '4-01-06-02', jobTypeName: '直播销售员' },
  ],
};
const DEMO_NOTE = '演示数据，非官方目录';

async function hasVersion(db: Db, kind: ReferenceDatasetKind): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(referenceVersions).where(eq(referenceVersions.kind, kind));
  return (row?.n ?? 0) > 0;
}

function demoList(kind: 'shortage' | 'offered'): PreparedImport {
  const records: StoredRecord[] = DEMO_LIST_ENTRIES[kind].map((e) => {
    const data = { entryId: randomUUID(), ...e, note: DEMO_NOTE, source: '演示数据', isDemo: true };
    return { type: 'entry', key: recordKey('entry', data), data };
  });
  return {
    records,
    contentHash: contentHashOf(records),
    report: {
      source: 'startup',
      change: '演示数据',
      files: [],
      rowUnit: '条',
      counts: countRecords(records),
      errorCount: 0,
      warningCount: 0,
      errors: [],
      warnings: [],
      diff: diffRecords(null, [], records),
      durationMs: 0,
    },
  };
}

async function storeActive(db: Db, kind: ReferenceDatasetKind, name: string, sourceDocument: string | null, prepared: PreparedImport): Promise<void> {
  await db.transaction(async (tx) => {
    await storeVersion(tx, { kind, name, sourceDocument, effectiveDate: null, importedBy: null, importedAt: new Date(), status: 'active' }, prepared);
  });
  invalidateReferenceCache(db);
}

/**
 * First start: for each national kind with no version yet, imports the files found in REFERENCE_DIR as the active
 * version; in demo mode, seeds the two Shanghai lists with a few entries marked as demo data.
 */
export const importReferenceAtStartup: StartupTask = async ({ db }, config, log) => {
  const dir = config.referenceDir;
  for (const [kind, names, sourceDocument] of STARTUP_FILES) {
    if (await hasVersion(db, kind)) continue;
    if (!dir) {
      log(`未配置参考数据目录（REFERENCE_DIR），未导入${REFERENCE_DATASET_LABELS[kind]}`);
      continue;
    }
    const files: UploadedFile[] = names.filter((n) => existsSync(path.join(dir, n))).map((n) => ({ fileName: n, bytes: readFileSync(path.join(dir, n)) }));
    if (files.length === 0) {
      log(`参考数据目录 ${dir} 中没有 ${names[0] ?? ''}，未导入${REFERENCE_DATASET_LABELS[kind]}`);
      continue;
    }
    const started = performance.now();
    const prepared = await prepareImport(db, kind, files, 'startup');
    await storeActive(db, kind, `${REFERENCE_DATASET_LABELS[kind]}（首次启动导入）`, sourceDocument, prepared);
    const c = prepared.report.counts;
    const detail =
      kind === 'occupations'
        ? `大类 ${c.level1 ?? 0}、中类 ${c.level2 ?? 0}、小类 ${c.level3 ?? 0}、细类 ${c.level4 ?? 0}，新职业公告 ${c.newOccupation ?? 0} 条`
        : `${prepared.records.length} 条`;
    const issues = prepared.report.errorCount ? `，其中 ${prepared.report.errorCount} 处错误请在“数据版本”页查看` : '';
    log(
      `已导入${REFERENCE_DATASET_LABELS[kind]}：${files.map((f) => f.fileName).join('、')}，${detail}${issues}（用时 ${Math.round(performance.now() - started)} 毫秒）`,
    );
  }
  for (const kind of ['shortage', 'offered'] as const) {
    if (!config.demo || (await hasVersion(db, kind))) continue;
    const prepared = demoList(kind);
    await storeActive(db, kind, `${REFERENCE_DATASET_LABELS[kind]}（演示数据）`, '演示数据，非官方目录', prepared);
    log(`已填入${REFERENCE_DATASET_LABELS[kind]}演示数据 ${prepared.records.length} 条（${DEMO_NOTE}）`);
  }
  // Build the search index in the background so that the first search does not wait for it.
  getReferenceIndex(db).catch((err: unknown) => log(`参考数据索引构建失败：${String(err)}`));
};
