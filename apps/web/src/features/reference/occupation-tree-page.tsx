import { useState } from 'react';
import { Alert, Card, Skeleton, Tag, Tree, type TreeDataNode } from 'antd';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { fetchTreeChildren, useTreeRoots, type TreeNode } from './reference.api.ts';
import { OccupationDrawer } from './components/occupation-drawer.tsx';

function toTreeData(nodes: TreeNode[]): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.code,
    isLeaf: n.childCount === 0,
    title: (
      <span>
        <b>{n.code}</b> {n.name}
        {n.markers.map((m) => (
          <Tag key={m} color={m === 'S' ? 'blue' : 'cyan'} style={{ marginLeft: 6 }}>
            {m}
          </Tag>
        ))}
        {n.level === 4 && n.standardCount > 0 && (
          <Tag color="geekblue" style={{ marginLeft: 6 }}>
            标准 {n.standardCount}
          </Tag>
        )}
        {n.status !== 'current' && <Tag style={{ marginLeft: 6 }}>{n.status === 'recoded' ? '已改码' : '仅印刷版'}</Tag>}
      </span>
    ),
  }));
}

function withChildren(list: TreeDataNode[], key: React.Key, children: TreeDataNode[]): TreeDataNode[] {
  return list.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: withChildren(n.children, key, children) } : n));
}

/** The 大典 tree: 大类 → 中类 → 小类 → 细类, loaded level by level; a click opens the detail drawer. */
export function OccupationTreePage() {
  const roots = useTreeRoots();
  const [loaded, setLoaded] = useState<TreeDataNode[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const data = loaded ?? (roots.data ? toTreeData(roots.data) : []);
  const loadData = async (node: TreeDataNode) => {
    if (node.children) return;
    const children = toTreeData(await fetchTreeChildren(String(node.key)));
    setLoaded((prev) => withChildren(prev ?? data, node.key, children));
  };
  return (
    <>
      <PageHeader title="职业分类大典" description="中华人民共和国职业分类大典（2022年版）及其后发布的新职业；S 数字职业，L 绿色职业" />
      <Card>
        {roots.isPending && <Skeleton active />}
        {roots.isError && <Alert type="error" showIcon message={errorMessage(roots.error)} />}
        {roots.data && <Tree showLine treeData={data} loadData={loadData} onSelect={(keys) => keys[0] !== undefined && setOpen(String(keys[0]))} />}
      </Card>
      <OccupationDrawer code={open} onClose={() => setOpen(null)} onNavigate={setOpen} />
    </>
  );
}
