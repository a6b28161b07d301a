import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { formatChineseDateTime } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useDeleteListEntry, useReferenceList, type ListEntry, type ListKind } from './reference.api.ts';
import { ImportModal } from './components/import-modal.tsx';
import { ListEntryModal } from './components/list-entry-modal.tsx';

function ListPanel({ kind }: { kind: ListKind }) {
  const list = useReferenceList(kind);
  const remove = useDeleteListEntry(kind);
  const [editing, setEditing] = useState<{ entry: ListEntry | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const view = list.data;
  const base = view?.version?.id ?? null;
  const columns: TableColumnsType<ListEntry> = [
    { title: '职业编码', dataIndex: 'occupationCode', width: 120 },
    { title: '职业名称', dataIndex: 'occupationName', width: 200, render: (n: string | null) => n ?? <Tag color="red">不在现行大典中</Tag> },
    { title: '工种', dataIndex: 'jobTypeName', width: 160, render: (j: string | null) => j ?? <Typography.Text type="secondary">整个职业</Typography.Text> },
    {
      title: '备注',
      dataIndex: 'note',
      render: (n: string | null, e) => (
        <Space>
          {e.isDemo && <Tag color="magenta">演示数据</Tag>}
          {n}
        </Space>
      ),
    },
    { title: '依据文件', dataIndex: 'source', width: 200 },
    ...(view?.abilities.edit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_: unknown, e: ListEntry) => (
              <Space>
                <Button type="link" size="small" onClick={() => setEditing({ entry: e })}>
                  修改
                </Button>
                <Popconfirm
                  title="删除此条目？"
                  description="将生成该目录的新版本"
                  onConfirm={() => remove.mutate({ entryId: e.entryId, baseVersionId: base })}
                >
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      {view?.entries.some((e) => e.isDemo) && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="目录中含演示数据，非官方目录；正式使用前请按官方文件录入或导入。" />
      )}
      {(list.isError || remove.isError) && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorMessage(list.error ?? remove.error)} />}
      <Space style={{ marginBottom: 16 }} wrap>
        {view?.abilities.edit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ entry: null })}>
            新增条目
          </Button>
        )}
        {view?.abilities.import && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            从 Excel 导入
          </Button>
        )}
        {view?.version ? (
          <Typography.Text type="secondary">
            现行版本：<Link to={`/reference/versions/${view.version.id}`}>{view.version.name}</Link>，
            {formatChineseDateTime(new Date(view.version.activatedAt ?? view.version.importedAt))} 生效
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">尚无生效版本，相关检查将跳过</Typography.Text>
        )}
      </Space>
      <Table<ListEntry>
        rowKey="entryId"
        size="middle"
        loading={list.isPending || remove.isPending}
        columns={columns}
        dataSource={view?.entries ?? []}
        pagination={{ defaultPageSize: 50 }}
        scroll={{ x: 1000 }}
      />
      {editing && <ListEntryModal open kind={kind} entry={editing.entry} baseVersionId={base} onClose={() => setEditing(null)} />}
      <ImportModal open={importing} kind={kind} onClose={() => setImporting(false)} />
    </>
  );
}

/** The two Shanghai lists: shortage catalogue and already offered; the center edits them (each save is a new version). */
export function ReferenceListsPage() {
  return (
    <>
      <PageHeader
        title="上海市目录"
        description="急需紧缺高技能人才职业（工种）目录（沪人社职〔2024〕1号）与本市已开展社会化职业技能等级认定的职业（工种）；每次修改生成新版本，已绑定旧版本的征集活动不受影响。"
      />
      <Card>
        <Tabs
          items={[
            { key: 'shortage', label: '急需紧缺目录', children: <ListPanel kind="shortage" /> },
            { key: 'offered', label: '已开展认定', children: <ListPanel kind="offered" /> },
          ]}
        />
      </Card>
    </>
  );
}
