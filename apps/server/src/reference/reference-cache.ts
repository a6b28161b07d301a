import { eq } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { DomainError, REFERENCE_DATASET_KINDS, buildReferenceIndex, type ReferenceBuildInput, type ReferenceIndex } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import { campaigns } from '../db/schema/index.ts';
import { selectActiveVersionIds, selectVersionRecords, type VersionIds } from './reference-queries.ts';
import type { StoredRecord } from './parse-dataset.ts';

/** How long the active version ids are trusted before one query re-checks them (so that instances converge). */
export const ACTIVE_RECHECK_MS = 3000;
/** Indexes kept in memory (the active set plus a few campaign-bound sets). */
const MAX_INDEXES = 4;

const indexes = new LRUCache<string, Promise<ReferenceIndex>>({ max: MAX_INDEXES });
const activeMemo = new WeakMap<Db, { ids: VersionIds; at: number }>();

const cacheKey = (ids: VersionIds) => REFERENCE_DATASET_KINDS.map((k) => ids[k] ?? '-').join(',');

/** Forgets the remembered active version ids (call after an activation or a list edit). */
export function invalidateReferenceCache(db?: Db): void {
  if (db) activeMemo.delete(db);
}

/** The active version id of each kind, re-checked at most every few seconds. */
export async function activeVersionIds(db: Db): Promise<VersionIds> {
  const memo = activeMemo.get(db);
  if (memo && Date.now() - memo.at < ACTIVE_RECHECK_MS) return memo.ids;
  const ids = await selectActiveVersionIds(db);
  activeMemo.set(db, { ids, at: Date.now() });
  return ids;
}

// The records were validated with the domain's zod schemas when imported, so their stored data has those shapes.
const dataOf = (records: StoredRecord[], type: StoredRecord['type']): never[] => records.filter((r) => r.type === type).map((r) => r.data as never);

/** Loads the records of the given versions into the domain's build input (a missing Shanghai list stays undefined). */
export async function loadBuildInput(db: Db, ids: VersionIds): Promise<ReferenceBuildInput> {
  const load = async (id: string | undefined) => (id ? selectVersionRecords(db, id) : null);
  const [occ, std, qual, shortage, offered] = await Promise.all([
    load(ids.occupations),
    load(ids.standards),
    load(ids.qualifications),
    load(ids.shortage),
    load(ids.offered),
  ]);
  return {
    occupations: dataOf(occ ?? [], 'occupation'),
    newOccupations: dataOf(occ ?? [], 'newOccupation'),
    standards: dataOf(std ?? [], 'standard'),
    qualifications: dataOf(qual ?? [], 'qualification'),
    shortage: shortage ? dataOf(shortage, 'entry') : undefined,
    offered: offered ? dataOf(offered, 'entry') : undefined,
  };
}

/**
 * The domain index built from the given versions (default: the active ones), cached by the set of version ids.
 * Versions never change once stored, so a cached index is never stale; only the active ids are re-checked.
 */
export async function getReferenceIndex(db: Db, versionIds?: VersionIds): Promise<ReferenceIndex> {
  const ids = versionIds ?? (await activeVersionIds(db));
  const key = cacheKey(ids);
  const hit = indexes.get(key);
  if (hit) return hit;
  const entry = loadBuildInput(db, ids).then(buildReferenceIndex);
  indexes.set(key, entry);
  entry.catch(() => indexes.delete(key));
  return entry;
}

/** A campaign's bound reference versions, as its record holds them. */
export interface CampaignRefs {
  referenceVersions: Record<string, string>;
}

/**
 * The index a campaign's checks run against: the versions it bound (`campaigns.referenceVersions`), kinds it did not
 * bind falling back to the active version; null (no campaign) means the active versions. Given the campaign's record
 * instead of its id, its bound versions are not read again.
 */
export async function getReferenceIndexForCampaign(db: Db, campaign: CampaignRefs | string | null): Promise<ReferenceIndex> {
  const active = await activeVersionIds(db);
  if (campaign === null) return getReferenceIndex(db, active);
  let refs: Record<string, string>;
  if (typeof campaign === 'string') {
    const [row] = await db.select({ refs: campaigns.referenceVersions }).from(campaigns).where(eq(campaigns.id, campaign));
    if (!row) throw new DomainError('NOT_FOUND', '该征集活动不存在');
    refs = row.refs;
  } else {
    refs = campaign.referenceVersions;
  }
  return getReferenceIndex(db, { ...active, ...(refs as VersionIds) });
}
