import { useState } from 'react';
import { App, Button, Card, Segmented, Table, Tag, Tooltip } from 'antd';
import { formatChineseDateTime } from '@zhengji/domain';
import { outboxRetryRefusal } from '@zhengji/domain/notification/outbox.actions.ts';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useOutbox, useRetryMail, type OutboxMail } from './campaign.api.ts';

const LABEL: Record<OutboxMail['status'], [string, string]> = {
  pending: ['待发送', 'processing'],
  sending: ['发送中', 'blue'],
  sent: ['已发送', 'success'],
  failed: ['发送失败', 'error'],
};

/** The e-mail outbox: what waits, what failed and why; a failed mail can be sent again. */
export function OutboxPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<string>('');
  const outbox = useOutbox({ status, pageSize: 200 });
  const retry = useRetryMail();
  const counts = outbox.data?.counts ?? {};
  return (
    <>
      <PageHeader title="邮件发件箱" description="提醒、退回等通知邮件经发件箱发送；发送失败会自动重试，并在此显示原因" />
      <Card>
        <Segmented
          aria-label="邮件状态"
          style={{ marginBottom: 16 }}
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={[
            { value: '', label: '全部' },
            ...(['pending', 'failed', 'sent'] as const).map((s) => ({ value: s, label: `${LABEL[s][0]}（${String(counts[s] ?? 0)}）` })),
          ]}
        />
        <Table<OutboxMail>
          rowKey="id"
          size="middle"
          loading={outbox.isPending}
          dataSource={outbox.data?.items ?? []}
          columns={[
            { title: '收件人', dataIndex: 'to', ellipsis: true, width: 260 },
            { title: '主题', dataIndex: 'subject', ellipsis: true },
            { title: '状态', dataIndex: 'status', width: 110, render: (s: OutboxMail['status']) => <Tag color={LABEL[s][1]}>{LABEL[s][0]}</Tag> },
            { title: '尝试', dataIndex: 'attempts', width: 70 },
            {
              title: '失败原因',
              dataIndex: 'lastError',
              width: 220,
              ellipsis: true,
              render: (e: string | null) => (e ? <Tooltip title={e}>{e}</Tooltip> : '—'),
            },
            { title: '下次尝试/发送时间', key: 't', width: 190, render: (_: unknown, m) => formatChineseDateTime(new Date(m.sentAt ?? m.nextAttemptAt)) },
            {
              title: '操作',
              key: 'a',
              width: 90,
              render: (_: unknown, m) =>
                m.status === 'failed' || m.status === 'pending' ? (
                  <Tooltip title={outboxRetryRefusal(m) ?? undefined}>
                    {/* A disabled button gets no pointer events: the span carries the tooltip. */}
                    <span>
                      <Button
                        size="small"
                        type="link"
                        disabled={outboxRetryRefusal(m) !== null}
                        aria-label={outboxRetryRefusal(m) ? `重新发送（${outboxRetryRefusal(m) ?? ''}）` : undefined}
                        onClick={() =>
                          retry.mutateAsync(m.id).then(
                            () => message.success('已加入发送队列'),
                            (e: unknown) => message.error(errorMessage(e)),
                          )
                        }
                      >
                        重新发送
                      </Button>
                    </span>
                  </Tooltip>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
