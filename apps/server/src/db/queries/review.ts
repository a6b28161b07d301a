import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assignments, campaignExperts, candidateUnits, candidates, experts, reviews, units, users } from '../schema/index.ts';

/** Experts with their unit name and account username, optionally only the given ids. */
export async function selectExperts(db: Db, ids?: readonly string[]) {
  const rows = await db
    .select({ expert: experts, unitName: units.name, username: users.username })
    .from(experts)
    .leftJoin(units, eq(units.id, experts.unitId))
    .leftJoin(users, eq(users.id, experts.userId))
    .where(ids ? inArray(experts.id, [...ids]) : undefined)
    .orderBy(experts.createdAt, experts.name);
  return rows.map((r) => ({
    id: r.expert.id,
    name: r.expert.name,
    organization: r.expert.organization,
    unitId: r.expert.unitId,
    unitName: r.unitName,
    title: r.expert.title,
    specialties: r.expert.specialties,
    phone: r.expert.phone,
    email: r.expert.email,
    active: r.expert.active,
    userId: r.expert.userId,
    username: r.username,
  }));
}

/** The candidates of a campaign that take part in the review (not merged away, not withdrawn). */
export async function selectReviewCandidates(db: Db, campaignId: string) {
  const rows = await db.select().from(candidates).where(eq(candidates.campaignId, campaignId)).orderBy(candidates.occupationCode, candidates.jobTypeName);
  return rows.filter((c) => c.mergedIntoId === null && c.status !== 'withdrawn');
}

/** Recommending units (id, name, priority) of each candidate. */
export async function selectCandidateUnits(db: Db, candidateIds: readonly string[]) {
  const map = new Map<string, { unitId: string; unitName: string; priority: number }[]>();
  if (candidateIds.length === 0) return map;
  const rows = await db
    .select({ candidateId: candidateUnits.candidateId, unitId: candidateUnits.unitId, unitName: units.name, priority: candidateUnits.priority })
    .from(candidateUnits)
    .innerJoin(units, eq(units.id, candidateUnits.unitId))
    .where(inArray(candidateUnits.candidateId, [...candidateIds]));
  for (const r of rows) map.set(r.candidateId, [...(map.get(r.candidateId) ?? []), { unitId: r.unitId, unitName: r.unitName, priority: r.priority }]);
  for (const list of map.values()) list.sort((a, b) => a.priority - b.priority || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  return map;
}

/** Assignments of a campaign (active and removed) with their review, if any. */
export async function selectCampaignAssignments(db: Db, campaignId: string, where?: ReturnType<typeof eq>) {
  return db
    .select({ assignment: assignments, review: reviews })
    .from(assignments)
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(where ? and(eq(assignments.campaignId, campaignId), where) : eq(assignments.campaignId, campaignId));
}

/** The panel rows of a campaign (availability, cap, drawn). */
export async function selectPanel(db: Db, campaignId: string) {
  return db.select().from(campaignExperts).where(eq(campaignExperts.campaignId, campaignId));
}

/** The expert record of a user account, or undefined. */
export async function selectExpertOfUser(db: Db, userId: string) {
  const [row] = await db.select().from(experts).where(eq(experts.userId, userId));
  return row;
}
