import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  assignments,
  auditLog,
  auditSeals,
  campaigns,
  candidates,
  checkDecisions,
  experts,
  finalLists,
  formVersions,
  forms,
  notices,
  objectionFiles,
  objections,
  reviewRounds,
  reviews,
  storedFiles,
  units,
  users,
} from '../schema/index.ts';

/** Everything the dossier lists, read before anything is written. */
export async function readDossier(db: Db, campaignId: string) {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new Error('campaign vanished');
  const formRows = await db
    .select({ f: forms, unitName: units.name })
    .from(forms)
    .innerJoin(units, eq(units.id, forms.unitId))
    .where(eq(forms.campaignId, campaignId))
    .orderBy(asc(units.name));
  const formIds = formRows.map((r) => r.f.id);
  const versions = formIds.length
    ? await db.select().from(formVersions).where(inArray(formVersions.formId, formIds)).orderBy(asc(formVersions.formId), asc(formVersions.number))
    : [];
  const checks = formIds.length
    ? await db
        .select()
        .from(checkDecisions)
        .where(inArray(checkDecisions.formId, formIds))
        .orderBy(asc(checkDecisions.formId), asc(checkDecisions.versionNumber), asc(checkDecisions.rowIndex))
    : [];
  const cands = await db
    .select()
    .from(candidates)
    .where(eq(candidates.campaignId, campaignId))
    .orderBy(asc(candidates.occupationCode), asc(candidates.jobTypeName));
  const [round] = await db.select().from(reviewRounds).where(eq(reviewRounds.campaignId, campaignId));
  const revs = await db
    .select({ candidateId: assignments.candidateId, expert: experts.name, organization: experts.organization, status: assignments.status, review: reviews })
    .from(assignments)
    .innerJoin(experts, eq(experts.id, assignments.expertId))
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(eq(assignments.campaignId, campaignId))
    .orderBy(asc(assignments.createdAt));
  const [notice] = await db.select().from(notices).where(eq(notices.campaignId, campaignId));
  const objs = notice ? await db.select().from(objections).where(eq(objections.noticeId, notice.id)).orderBy(asc(objections.createdAt)) : [];
  const evidence = objs.length
    ? await db
        .select({ objectionId: objectionFiles.objectionId, id: storedFiles.id, mime: storedFiles.mime })
        .from(objectionFiles)
        .innerJoin(storedFiles, eq(storedFiles.id, objectionFiles.fileId))
        .where(
          inArray(
            objectionFiles.objectionId,
            objs.map((o) => o.id),
          ),
        )
    : [];
  const [final] = await db.select().from(finalLists).where(eq(finalLists.campaignId, campaignId));
  const objectIds = [campaignId, ...(notice ? [notice.id] : []), ...formIds, ...objs.map((o) => o.id), ...cands.map((c) => c.id)];
  const audit = (
    await db
      .select({ row: auditLog, hash: auditSeals.hash })
      .from(auditLog)
      .leftJoin(auditSeals, eq(auditSeals.auditId, auditLog.id))
      .where(inArray(auditLog.objectId, objectIds))
      .orderBy(asc(auditLog.id))
  ).map((r) => ({ ...r.row, hash: r.hash }));
  const people = new Map((await db.select({ id: users.id, name: users.displayName }).from(users)).map((u) => [u.id, u.name]));
  const scanIds = [...new Set(versions.map((v) => v.scanFileId).filter((id): id is string => id !== null))];
  const scans = new Map(
    (scanIds.length ? await db.select({ id: storedFiles.id, mime: storedFiles.mime }).from(storedFiles).where(inArray(storedFiles.id, scanIds)) : []).map(
      (s) => [s.id, s.mime],
    ),
  );
  return { campaign, formRows, versions, checks, cands, round, revs, notice, objs, evidence, final, audit, people, scans };
}

/** What a campaign's dossier lists. */
export type DossierData = Awaited<ReturnType<typeof readDossier>>;
