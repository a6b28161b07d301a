import { DomainError, normalizeOccupationCode, OCCUPATION_LEVEL_LABELS, type OccupationNode } from '@zhengji/domain';
import { getReferenceIndex } from '../../reference/reference-cache.ts';
import { childrenOf } from '../../reference/reference-tree.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReference } from './reference-policy.ts';
import type { OccupationDetail } from '@zhengji/domain/reference/reference-view.schemas.ts';

/** A node of the 大典 with its path, children, 工种, standards, qualifications, Shanghai list coverage and flags. */
export async function getOccupationDetail(ctx: UseCaseContext, rawCode: string): Promise<OccupationDetail> {
  authorizeReference(ctx.actor, 'reference.search');
  const index = await getReferenceIndex(ctx.db);
  const code = normalizeOccupationCode(rawCode);
  const node = index.getNode(code);
  if (!node) throw new DomainError('NOT_FOUND', `编码 ${code} 不在现行职业分类大典中，请检查编码或用名称搜索`);
  const path: Pick<OccupationNode, 'code' | 'name' | 'level'>[] = [];
  for (let p = node.parentCode ? index.getNode(node.parentCode) : undefined; p; p = p.parentCode ? index.getNode(p.parentCode) : undefined) {
    path.unshift({ code: p.code, name: p.name, level: p.level });
  }
  const isOccupation = node.level === 4;
  return {
    ...node,
    levelLabel: OCCUPATION_LEVEL_LABELS[node.level],
    path,
    children: childrenOf(index, node.code).map((c) => ({ code: c.code, name: c.name, level: c.level, markers: c.markers ?? [] })),
    jobTypes: isOccupation ? index.jobTypesOf(code) : [],
    standards: isOccupation ? index.standardsOf(code) : [],
    qualifications: isOccupation ? index.qualificationsOf(code) : [],
    shortage: isOccupation ? (index.shortage ?? []).filter((e) => e.occupationCode === node.code) : [],
    offered: isOccupation ? (index.offered ?? []).filter((e) => e.occupationCode === node.code) : [],
    listsAvailable: { shortage: index.shortage !== null, offered: index.offered !== null },
    flags: isOccupation ? (index.flagsOf(code) ?? null) : null,
  };
}
