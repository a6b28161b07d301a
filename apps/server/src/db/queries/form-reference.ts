import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildReferenceIndex, REFERENCE_FILE_NAMES, referenceBuildInputFromJson, type ReferenceIndex } from '@zhengji/domain';
import type { Config } from '../../config.ts';
import type { Db } from '../client.ts';
import { getReferenceIndexForCampaign, type CampaignRefs } from '../../reference/reference-cache.ts';

const folderIndexes = new Map<string, ReferenceIndex>();

function folderIndex(dir: string): ReferenceIndex {
  let index = folderIndexes.get(dir);
  if (!index) {
    const read = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    index = buildReferenceIndex(
      referenceBuildInputFromJson({
        occupations: read(REFERENCE_FILE_NAMES.occupations),
        newOccupations: read(REFERENCE_FILE_NAMES.newOccupations),
        standards: read(REFERENCE_FILE_NAMES.standards),
        qualifications: read(REFERENCE_FILE_NAMES.qualifications),
      }),
    );
    folderIndexes.set(dir, index);
  }
  return index;
}

/**
 * The reference index the eligibility rules of a campaign check against (its bound versions; the active ones when
 * campaign is null). Given the campaign record (already read by the caller) rather than its id, no query is needed. While the database holds no dictionary yet (before the first import finished, and in API
 * tests that skip the slow import), the national files of the configured reference folder stand in.
 */
export async function referenceIndexFor(db: Db, config: Config, campaign: CampaignRefs | string | null): Promise<ReferenceIndex> {
  const index = await getReferenceIndexForCampaign(db, campaign);
  if (index.counts.occupations > 0 || !config.referenceDir) return index;
  return folderIndex(config.referenceDir);
}
