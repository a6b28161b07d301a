import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { candidateUnits } from '../../db/schema/index.ts';
import { notifyUnitUsers } from './enqueue-mail.ts';

/** One candidate's outcome as the recommending units are told it. */
export interface CandidateOutcome {
  candidateId: string;
  /** e.g. "4-14-03-02 眼镜验光师（工种：眼镜定配工）" */
  label: string;
  /** e.g. "入选" or "未入选（理由：…）" */
  outcome: string;
}

/**
 * Tells each recommending unit what became of its candidates: one message per unit listing its candidates, in the
 * application for its users and by e-mail through the outbox, inside the caller's transaction.
 */
export async function notifyCandidateOutcomes(
  tx: Db,
  campaign: { id: string; title: string },
  heading: string,
  outcomes: readonly CandidateOutcome[],
  now: Date,
): Promise<number> {
  if (outcomes.length === 0) return 0;
  const links = await tx
    .select()
    .from(candidateUnits)
    .where(
      inArray(
        candidateUnits.candidateId,
        outcomes.map((o) => o.candidateId),
      ),
    );
  const byUnit = new Map<string, CandidateOutcome[]>();
  for (const l of links) {
    const o = outcomes.find((x) => x.candidateId === l.candidateId);
    if (o) byUnit.set(l.unitId, [...(byUnit.get(l.unitId) ?? []), o]);
  }
  for (const [unitId, mine] of byUnit) {
    const lines = mine.map((o) => `· ${o.label}：${o.outcome}`);
    await notifyUnitUsers(
      tx,
      unitId,
      {
        kind: 'outcome',
        title: `【征集】${heading}`,
        body: `征集：${campaign.title}\n您单位推荐的职业（工种）${heading}：\n${lines.join('\n')}\n详情请登录系统在“本单位推荐记录”中查看。`,
        link: '/',
      },
      now,
    );
  }
  return byUnit.size;
}
