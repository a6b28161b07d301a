import type { OccupationNode, ReferenceIndex } from '@zhengji/domain';

const childrenCache = new WeakMap<ReferenceIndex, Map<string, OccupationNode[]>>();

/** The children of each node of an index's tree ('' = the major groups), in code order; computed once per index. */
export function childrenOf(index: ReferenceIndex, parent: string | null): readonly OccupationNode[] {
  let map = childrenCache.get(index);
  if (!map) {
    map = new Map();
    const nodes = [...index.nodes.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const n of nodes) {
      const key = n.level === 1 ? '' : (n.parentCode ?? '');
      const list = map.get(key);
      if (list) list.push(n);
      else map.set(key, [n]);
    }
    childrenCache.set(index, map);
  }
  return map.get(parent ?? '') ?? [];
}
