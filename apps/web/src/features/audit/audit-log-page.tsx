import { useState } from 'react';
import { Alert, App as AntApp, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { AUDIT_RESULT_LABELS, ROLE_LABELS, auditActionLabel, auditObjectLabel, summarizeAuditChanges, type AuditEntry, type Role } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { hasAbility, useMe } from '../../lib/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { exportAuditLog, useAuditLog, type AuditFilters } from './audit.api.ts';
import { AuditFilterBar } from './components/audit-filter-bar.tsx';

const roleLabel = (r: string | null) => (r && r in ROLE_LABELS ? ROLE_LABELS[r as Role] : (r ?? ''));
const seconds = (iso: string) => formatDateTime(iso, { seconds: true });
const RESULT_COLORS: Record<string, string> = { ok: 'success', denied: 'warning', failed: 'error' };

const columns: TableColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'at', width: 190, render: (v: string) => seconds(v) },
  {
    title: '操作人',
    key: 'actor',
    width: 180,
    render: (_: unknown, e: AuditEntry) => (
      <>
        <div>{e.actorUsername ?? '（未登录）'}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {roleLabel(e.actorRole)}
          {e.realActorUsername && e.realActorUsername !== e.actorUsername ? ` · 实际操作人 ${e.realActorUsername}` : ''}
        </Typography.Text>
      </>
    ),
  },
  { title: 'IP 地址', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  {
    title: '操作',
    dataIndex: 'action',
    width: 170,
    render: (v: string) => auditActionLabel(v),
  },
  {
    title: '对象',
    key: 'object',
    width: 200,
    render: (_: unknown, e: AuditEntry) => (
      <>
        <div>{auditObjectLabel(e.objectType)}</div>
        {e.objectId && (
          <Typography.Text type="secondary" copyable style={{ fontSize: 12 }} ellipsis={{ tooltip: e.objectId }}>
            {e.objectId}
          </Typography.Text>
        )}
      </>
    ),
  },
  {
    title: '结果',
    dataIndex: 'result',
    width: 80,
    render: (v: string) => <Tag color={RESULT_COLORS[v]}>{v in AUDIT_RESULT_LABELS ? AUDIT_RESULT_LABELS[v as keyof typeof AUDIT_RESULT_LABELS] : v}</Tag>,
  },
  {
    title: '变更摘要',
    key: 'changes',
    render: (_: unknown, e: AuditEntry) => (
      <span style={{ fontSize: 12, wordBreak: 'break-all' }}>{summarizeAuditChanges(e.objectType, e.changes) ?? '—'}</span>
    ),
  },
];

/** Auditor: the audit log, filtered and paged, with a CSV export of the filtered rows. */
export function AuditLogPage() {
  const { data: me } = useMe();
  const { message } = AntApp.useApp();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [exporting, setExporting] = useState(false);
  const log = useAuditLog(filters, paging.page, paging.pageSize);

  const onExport = (f: AuditFilters) => {
    setExporting(true);
    exportAuditLog(f)
      .then(() => void message.success('已开始下载审计日志'))
      .catch((e: unknown) => void message.error(errorMessage(e)))
      .finally(() => setExporting(false));
  };

  return (
    <>
      <PageHeader title="审计日志" description="系统中每一次操作的记录（只读，防篡改链式存储）；查阅与导出本身也会被记录" />
      <Card>
        <AuditFilterBar
          onSearch={(f) => {
            setFilters(f);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          onExport={onExport}
          exporting={exporting}
          canExport={hasAbility(me, 'audit.export')}
        />
        {log.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorMessage(log.error)} />}
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={log.isFetching}
          columns={columns}
          dataSource={log.data?.items ?? []}
          scroll={{ x: 1300 }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: log.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `共 ${t} 条记录`,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
        />
      </Card>
    </>
  );
}
