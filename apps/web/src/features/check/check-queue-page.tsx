import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Progress, Segmented, Table, Tag } from 'antd';
import { FORM_STATUS_LABELS, formatChineseDateTime, type FormStatus } from '@zhengji/domain';
import { PageHeader } from '../../components/page-header.tsx';
import { useCheckQueue, type CheckQueueItem } from './check.api.ts';

/** The material-check queue: submitted forms, oldest first. */
export function CheckQueuePage() {
  const [status, setStatus] = useState('submitted');
  const queue = useCheckQueue(status);
  return (
    <>
      <PageHeader title="材料核验" description="逐份核验已提交的推荐表：对照盖章扫描件逐行给出结论，受理或退回" />
      <Card>
        <Segmented
          aria-label="核验状态"
          style={{ marginBottom: 16 }}
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={[
            { value: 'submitted', label: '待核验' },
            { value: 'returned', label: '已退回' },
            { value: 'accepted', label: '已受理' },
            { value: 'all', label: '全部' },
          ]}
        />
        <Table<CheckQueueItem>
          rowKey="formId"
          size="middle"
          loading={queue.isPending}
          dataSource={queue.data ?? []}
          columns={[
            { title: '推荐单位', dataIndex: 'unitName', render: (n: string, r) => <Link to={`/checks/${r.formId}`}>{n}</Link> },
            { title: '征集活动', dataIndex: 'campaignTitle', ellipsis: true },
            { title: '版本', dataIndex: 'versionNumber', width: 70, render: (n: number) => `第${String(n)}版` },
            { title: '提交时间', dataIndex: 'submittedAt', width: 180, render: (v: string | null) => (v ? formatChineseDateTime(new Date(v)) : '—') },
            {
              title: '核验进度',
              key: 'p',
              width: 160,
              render: (_: unknown, r) => (
                <Progress
                  size="small"
                  aria-label="核验进度"
                  percent={r.rowCount ? Math.round((100 * r.decidedCount) / r.rowCount) : 0}
                  format={() => `${String(r.decidedCount)}/${String(r.rowCount)}`}
                />
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 100,
              render: (s: FormStatus, r) => (
                <Tag color={r.checkingStartedAt && s === 'submitted' ? 'blue' : undefined}>
                  {r.checkingStartedAt && s === 'submitted' ? '核验中' : FORM_STATUS_LABELS[s]}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
