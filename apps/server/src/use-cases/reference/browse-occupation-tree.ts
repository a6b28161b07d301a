import { DomainError, normalizeOccupationCode } from '@zhengji/domain';
import type { TreeNode } from '@zhengji/domain/reference/reference-view.schemas.ts';
import { getReferenceIndex } from '../../reference/reference-cache.ts';
import { childrenOf } from '../../reference/reference-tree.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReference } from './reference-policy.ts';

/** The children of a node of the active 大典 tree (the major groups when parent is empty). */
export async function browseOccupationTree(ctx: UseCaseContext, parent: string | null): Promise<TreeNode[]> {
  authorizeReference(ctx.actor, 'reference.search');
  const index = await getReferenceIndex(ctx.db);
  const code = parent ? normalizeOccupationCode(parent) : null;
  if (code && !index.getNode(code)) throw new DomainError('NOT_FOUND', `编码 ${code} 不在现行职业分类大典中`);
  return childrenOf(index, code).map((n) => ({
    code: n.code,
    name: n.name,
    level: n.level,
    childCount: childrenOf(index, n.code).length,
    markers: n.markers ?? [],
    standardCount: n.level === 4 ? index.standardsOf(n.code).length : 0,
    status: n.status,
  }));
}
