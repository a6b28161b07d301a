import { and, eq, inArray } from 'drizzle-orm';
import { aggregateCandidatePool, poolKey, type FormRow, type PoolRowReassignment, type PoolSourceRow } from '@zhengji/domain';
import type { Db } from '../../db/client.ts';
import { candidateUnits, candidates, checkDecisions, formVersions, forms, units, type CandidateSource } from '../../db/schema/index.ts';
import type { CampaignRecord } from '../../presenters/campaign-view.ts';

type CandidateRecord = typeof candidates.$inferSelect;

interface SourceRow {
  pool: PoolSourceRow;
  source: CandidateSource;
  row: FormRow;
}

/** The passed rows of the accepted forms of a campaign (the last submitted version of each; undecided rows pass). */
export async function passedRowsOf(db: Db, campaignId: string): Promise<SourceRow[]> {
  const accepted = await db
    .select({ formId: forms.id, unitId: forms.unitId, unitName: units.name, unitType: units.type, number: formVersions.number, rows: formVersions.rows })
    .from(forms)
    .innerJoin(units, eq(units.id, forms.unitId))
    .innerJoin(formVersions, and(eq(formVersions.formId, forms.id), eq(formVersions.number, forms.lastVersionNumber)))
    .where(and(eq(forms.campaignId, campaignId), eq(forms.status, 'accepted')))
    .orderBy(units.name);
  const ids = accepted.map((f) => f.formId);
  const failed = new Set(
    ids.length > 0
      ? (
          await db
            .select({ f: checkDecisions.formId, v: checkDecisions.versionNumber, i: checkDecisions.rowIndex })
            .from(checkDecisions)
            .where(and(inArray(checkDecisions.formId, ids), eq(checkDecisions.decision, 'fail')))
        ).map((d) => `${d.f}:${String(d.v)}:${String(d.i)}`)
      : [],
  );
  const out: SourceRow[] = [];
  for (const f of accepted) {
    f.rows.forEach((row, i) => {
      const rowId = `${f.formId}:${String(f.number)}:${String(i)}`;
      if (failed.has(rowId)) return;
      const base = {
        formId: f.formId,
        unitId: f.unitId,
        unitName: f.unitName,
        unitType: f.unitType,
        priority: i + 1,
        occupationCode: row.occupationCode.trim(),
        jobTypeName: row.jobTypeName.trim(),
        industries: row.industries,
        reason: row.reason,
      };
      out.push({
        row,
        pool: {
          ...base,
          rowId,
          occupationName: row.occupationName.trim(),
          inShortageCatalog: row.inShortageCatalog,
          expectedAssessments: row.expectedAssessments,
        },
        source: { ...base, versionNumber: f.number, rowIndex: i, expectedAssessments: row.expectedAssessments ?? 0 },
      });
    });
  }
  return out;
}

const keyOf = (c: { occupationCode: string; jobTypeName: string }) => poolKey(c.occupationCode, c.jobTypeName);

/** The active candidate a merged one ends up in (following merges of merges). */
function finalTarget(c: CandidateRecord, byId: Map<string, CandidateRecord>): CandidateRecord {
  let t = c;
  for (let hops = 0; t.mergedIntoId && hops < 50; hops++) t = byId.get(t.mergedIntoId) ?? t;
  return t;
}

function unitsOf(sources: readonly CandidateSource[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of sources) m.set(s.unitId, Math.min(m.get(s.unitId) ?? Infinity, s.priority));
  return m;
}

/**
 * Rebuilds a campaign's pool from the passed rows of accepted forms with the domain merge, keeping the center's
 * merges (rows of a merged candidate are filed under its target), decisions and overlap confirmations. Merged
 * candidates keep their own original rows, read-only. Answers the ids of active candidates whose units changed.
 */
export async function rebuildPool(tx: Db, campaign: CampaignRecord, now: Date): Promise<{ changedUnits: string[]; candidates: number; overlaps: number }> {
  const rows = await passedRowsOf(tx, campaign.id);
  const existing = await tx.select().from(candidates).where(eq(candidates.campaignId, campaign.id));
  const byId = new Map(existing.map((c) => [c.id, c]));
  const merged = existing.filter((c) => c.mergedIntoId);
  const activeByKey = new Map(existing.filter((c) => !c.mergedIntoId).map((c) => [keyOf(c), c]));
  const redirect = new Map<string, PoolRowReassignment>();
  for (const m of merged) {
    const t = finalTarget(m, byId);
    redirect.set(keyOf(m), { occupationCode: t.occupationCode, occupationName: t.occupationName, jobTypeName: t.jobTypeName });
  }
  const reassign = new Map<string, PoolRowReassignment>();
  for (const r of rows) {
    const to = redirect.get(poolKey(r.pool.occupationCode, r.pool.jobTypeName));
    if (to) reassign.set(r.pool.rowId, to);
  }
  const pool = aggregateCandidatePool(
    rows.map((r) => r.pool),
    reassign,
  );
  const byRowId = new Map(rows.map((r) => [r.pool.rowId, r]));
  const flagged = new Set(pool.overlaps.flatMap((o) => [o.wholeOccupationKey, ...o.jobTypeKeys]));
  const beforeUnits = new Map<string, string[]>();
  for (const cu of existing.length > 0
    ? await tx
        .select()
        .from(candidateUnits)
        .where(
          inArray(
            candidateUnits.candidateId,
            existing.map((c) => c.id),
          ),
        )
    : []) {
    beforeUnits.set(cu.candidateId, [...(beforeUnits.get(cu.candidateId) ?? []), cu.unitId]);
  }
  const sameUnits = (id: string, now: Iterable<string>) => (beforeUnits.get(id) ?? []).sort().join(',') === [...now].sort().join(',');
  const keep = new Set<string>();
  const changedUnits: string[] = [];
  const unitRows: (typeof candidateUnits.$inferInsert)[] = [];
  const inserts: (typeof candidates.$inferInsert)[] = [];
  for (const c of pool.candidates) {
    const src = c.recommendations.map((r) => byRowId.get(r.rowId)!);
    const first = src.find((s) => keyOf(s.pool) === c.key)?.row ?? src[0]!.row;
    const values = {
      occupationName: c.occupationName,
      standardName: first.standardName,
      standardVersion: first.standardVersion,
      industries: c.industries,
      inShortageCatalog: c.inShortageCatalog,
      expectedAssessments: c.expectedAssessments,
      reasons: src.map((s) => s.row.reason.trim()).filter((r) => r.length > 0),
      sources: src.map((s) => s.source),
      overlapFlag: flagged.has(c.key),
      updatedAt: now,
    };
    const old = activeByKey.get(c.key);
    if (!old) {
      inserts.push({ campaignId: campaign.id, occupationCode: c.occupationCode, jobTypeName: c.jobTypeName, createdAt: now, ...values });
      continue;
    }
    await tx
      .update(candidates)
      .set({ ...values, version: old.version + 1 })
      .where(eq(candidates.id, old.id));
    keep.add(old.id);
    const unitMap = unitsOf(values.sources);
    unitRows.push(...[...unitMap].map(([unitId, priority]) => ({ candidateId: old.id, unitId, priority })));
    if (!sameUnits(old.id, unitMap.keys())) changedUnits.push(old.id);
  }
  for (let i = 0; i < inserts.length; i += 500) {
    const added = await tx
      .insert(candidates)
      .values(inserts.slice(i, i + 500))
      .returning({ id: candidates.id, sources: candidates.sources });
    for (const a of added) {
      keep.add(a.id);
      unitRows.push(...[...unitsOf(a.sources)].map(([unitId, priority]) => ({ candidateId: a.id, unitId, priority })));
    }
  }
  // Merged candidates keep their own rows as a read-only record.
  for (const m of merged) {
    const own = rows.filter((r) => keyOf(r.pool) === keyOf(m)).map((r) => r.source);
    await tx.update(candidates).set({ sources: own, updatedAt: now }).where(eq(candidates.id, m.id));
    keep.add(m.id);
  }
  const gone = existing.filter((c) => !keep.has(c.id)).map((c) => c.id);
  if (gone.length > 0) await tx.delete(candidates).where(inArray(candidates.id, gone));
  const active = [...keep].filter((id) => !merged.some((m) => m.id === id));
  if (active.length > 0) await tx.delete(candidateUnits).where(inArray(candidateUnits.candidateId, active));
  for (let i = 0; i < unitRows.length; i += 1000) await tx.insert(candidateUnits).values(unitRows.slice(i, i + 1000));
  return { changedUnits, candidates: pool.candidates.length, overlaps: pool.overlaps.length };
}
