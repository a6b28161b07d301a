import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { formatChineseDateTime } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useActivateVersion, useDiscardVersion, useReferenceVersion, type DiffItem, type ReportIssue } from './reference.api.ts';
import { VersionStatusTag } from './components/version-status-tag.tsx';

const COUNT_LABELS: Record<string, string> = {
  records: '记录总数',
  level1: '大类',
  level2: '中类',
  level3: '小类',
  level4: '细类（职业）',
  newOccupation: '新职业公告',
  standard: '标准',
  qualification: '资格',
  entry: '条目',
  occupation: '大典节点',
};

function IssueTable({ issues, unit }: { issues: ReportIssue[]; unit: string }) {
  return (
    <Table<ReportIssue>
      rowKey={(_, i) => String(i)}
      size="small"
      dataSource={issues}
      pagination={{ defaultPageSize: 20 }}
      columns={[
        { title: `第几${unit}`, dataIndex: 'row', width: 100, render: (r: number | null) => (r ? `第 ${r} ${unit}` : '—') },
        { title: '说明', dataIndex: 'message' },
      ]}
    />
  );
}

function DiffTable({ items, renamed }: { items: DiffItem[]; renamed?: boolean }) {
  return (
    <Table<DiffItem>
      rowKey="key"
      size="small"
      dataSource={items}
      pagination={{ defaultPageSize: 20 }}
      columns={[
        { title: '编码 / 键', dataIndex: 'key', width: 220 },
        ...(renamed ? [{ title: '原名称', dataIndex: 'from' }] : []),
        { title: renamed ? '新名称' : '名称', dataIndex: 'name' },
      ]}
    />
  );
}

/** One version: its fields, the import report (counts, row errors, warnings) and the diff; activate or discard a preview. */
export function ReferenceVersionPage() {
  const { id = '' } = useParams();
  const version = useReferenceVersion(id);
  const activate = useActivateVersion();
  const discard = useDiscardVersion();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const v = version.data;
  const r = v?.report;
  if (version.isPending) return <Skeleton active />;
  if (version.isError || !v || !r) return <Alert type="error" showIcon message={errorMessage(version.error)} />;
  const d = r.diff;
  return (
    <>
      <PageHeader
        title={
          <Space>
            {v.name}
            <VersionStatusTag status={v.status} />
          </Space>
        }
        description={v.kindLabel}
        extra={
          <>
            {v.abilities.discard && (
              <Popconfirm title="放弃此预览？" onConfirm={() => discard.mutate(v.id, { onSuccess: () => navigate('/reference/versions') })}>
                <Button danger loading={discard.isPending}>
                  放弃预览
                </Button>
              </Popconfirm>
            )}
            {v.status === 'draft' && (
              <Popconfirm
                title="确认启用？"
                description="启用后，新的检查将使用此版本；已绑定旧版本的征集活动不受影响。"
                onConfirm={() => activate.mutate(v.id, { onSuccess: () => void message.success('已启用') })}
                disabled={!v.abilities.activate}
              >
                <Button type="primary" disabled={!v.abilities.activate} loading={activate.isPending}>
                  确认启用
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {v.status === 'draft' && r.errorCount > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={`预览中有 ${r.errorCount} 处错误，不能启用`}
          description="请按下方错误列表修正文件后重新导入，并放弃此预览。当前生效版本未受影响。"
        />
      )}
      {v.status === 'draft' && r.errorCount === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="这是预览，尚未生效。请核对记录数和变化，确认无误后点击“确认启用”。" />
      )}
      {(activate.isError || discard.isError) && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorMessage(activate.error ?? discard.error)} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="依据文件">{v.sourceDocument ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="生效日期">{v.effectiveDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="导入人">{v.importedBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="导入时间">{formatChineseDateTime(new Date(v.importedAt))}</Descriptions.Item>
          <Descriptions.Item label="启用时间">{v.activatedAt ? formatChineseDateTime(new Date(v.activatedAt)) : '—'}</Descriptions.Item>
          <Descriptions.Item label="文件">
            {r.files.map((f) => `${f.fileName}（${f.encoding}，${Math.ceil(f.bytes / 1024)} KB）`).join('；') || (r.change ?? '—')}
          </Descriptions.Item>
          <Descriptions.Item label="内容摘要（SHA-256）">
            <Typography.Text code copyable>
              {v.contentHash.slice(0, 16)}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Space size="large" wrap style={{ marginTop: 16 }}>
          {Object.entries(r.counts).map(([k, n]) => (
            <Statistic key={k} title={COUNT_LABELS[k] ?? k} value={n} />
          ))}
          <Statistic title="错误" value={r.errorCount} valueStyle={{ color: r.errorCount ? '#cf1322' : undefined }} />
          <Statistic title="提示" value={r.warningCount} />
        </Space>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'errors', label: `错误（${r.errorCount}）`, children: <IssueTable issues={r.errors} unit={r.rowUnit} /> },
            { key: 'warnings', label: `提示（${r.warningCount}）`, children: <IssueTable issues={r.warnings} unit={r.rowUnit} /> },
            { key: 'added', label: `新增（${d.added}）`, children: <DiffTable items={d.addedItems} /> },
            { key: 'removed', label: `删除（${d.removed}）`, children: <DiffTable items={d.removedItems} /> },
            { key: 'renamed', label: `改名（${d.renamed}）`, children: <DiffTable items={d.renamedItems} renamed /> },
            { key: 'changed', label: `其他修改（${d.changed}）`, children: <DiffTable items={d.changedItems} /> },
          ]}
        />
        <Typography.Text type="secondary">
          变化是与导入时的生效版本比较的结果{d.baseVersionId ? '' : '（导入时该数据集尚无生效版本）'}；列表最多显示前 200 条。
        </Typography.Text>
      </Card>
    </>
  );
}
