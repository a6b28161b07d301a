import { useState } from 'react';
import { Link } from 'react-router-dom';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Table, Tag, type TableColumnsType } from 'antd';
import { REFERENCE_DATASET_KINDS, REFERENCE_DATASET_LABELS, formatChineseDateTime, type ReferenceDatasetKind } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { hasAbility, useMe } from '../../lib/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useReferenceVersions, type ReferenceVersion } from './reference.api.ts';
import { ImportModal } from './components/import-modal.tsx';
import { VersionStatusTag } from './components/version-status-tag.tsx';

/** Every version of every dataset, with the import button (center). */
export function ReferenceVersionsPage() {
  const { data: me } = useMe();
  const [kind, setKind] = useState<ReferenceDatasetKind | undefined>();
  const [importing, setImporting] = useState(false);
  const versions = useReferenceVersions(kind);
  const columns: TableColumnsType<ReferenceVersion> = [
    { title: '数据集', dataIndex: 'kindLabel', width: 200 },
    { title: '版本名称', dataIndex: 'name', render: (n: string, v) => <Link to={`/reference/versions/${v.id}`}>{n}</Link> },
    { title: '状态', dataIndex: 'status', width: 120, render: (s: string) => <VersionStatusTag status={s} /> },
    { title: '记录数', dataIndex: 'recordCount', width: 90, align: 'right' },
    {
      title: '检查结果',
      key: 'check',
      width: 200,
      render: (_, v) => (
        <>
          {v.summary.errorCount > 0 ? <Tag color="red">错误 {v.summary.errorCount}</Tag> : <Tag color="green">无错误</Tag>}
          {v.summary.warningCount > 0 && <Tag color="orange">提示 {v.summary.warningCount}</Tag>}
        </>
      ),
    },
    {
      title: '变化',
      key: 'diff',
      width: 200,
      render: (_, v) => `新增 ${v.summary.diff.added}，删除 ${v.summary.diff.removed}，改名 ${v.summary.diff.renamed}，修改 ${v.summary.diff.changed}`,
    },
    { title: '导入人', dataIndex: 'importedBy', width: 150 },
    { title: '导入时间', dataIndex: 'importedAt', width: 170, render: (t: string) => formatChineseDateTime(new Date(t)) },
  ];
  return (
    <>
      <PageHeader
        title="参考数据版本"
        description="每个数据集同时只有一个生效版本；导入先生成预览，经确认后生效。征集活动绑定其所用版本，便于日后复核。"
        extra={
          hasAbility(me, 'reference.import') && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入数据
            </Button>
          )
        }
      />
      <Card>
        <Select
          allowClear
          placeholder="全部数据集"
          aria-label="数据集"
          style={{ width: 320, marginBottom: 16 }}
          value={kind}
          onChange={setKind}
          options={REFERENCE_DATASET_KINDS.map((k) => ({ value: k, label: REFERENCE_DATASET_LABELS[k] }))}
        />
        {versions.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorMessage(versions.error)} />}
        <Table<ReferenceVersion>
          rowKey="id"
          size="middle"
          loading={versions.isPending}
          columns={columns}
          dataSource={versions.data ?? []}
          scroll={{ x: 1300 }}
          pagination={{ defaultPageSize: 20 }}
        />
      </Card>
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
