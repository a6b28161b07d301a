import { useState } from 'react';
import { Alert, Card, Input, Table, Tag } from 'antd';
import type { OccupationHistoryEntry } from '@zhengji/domain/notice/notice.schemas.ts';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useOccupationHistory } from './notice.api.ts';

/** Center: for one occupation code, the campaigns that recommended it, by whom, and the outcome. */
export function OccupationHistoryPage() {
  const [code, setCode] = useState('');
  const history = useOccupationHistory(code);
  return (
    <>
      <PageHeader title="职业历史" description="某职业历年被哪些单位推荐、结果如何" />
      <Card>
        <Input.Search
          placeholder="职业编码，如 4-10-01-05"
          enterButton="查询"
          style={{ maxWidth: 360, marginBottom: 16 }}
          onSearch={(v) => setCode(v.trim())}
          data-testid="history-code"
        />
        {history.isError && <Alert type="error" showIcon message={errorMessage(history.error)} style={{ marginBottom: 12 }} />}
        <Table<OccupationHistoryEntry>
          rowKey={(r) => `${r.campaignId}-${r.jobTypeName}`}
          size="small"
          loading={history.isFetching}
          dataSource={history.data ?? []}
          pagination={false}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '征集活动', dataIndex: 'campaignTitle' },
            {
              title: '职业（工种）',
              key: 'o',
              render: (_: unknown, r) => `${r.occupationCode} ${r.occupationName}${r.jobTypeName ? `（${r.jobTypeName}）` : ''}`,
            },
            {
              title: '推荐单位',
              dataIndex: 'units',
              render: (u: OccupationHistoryEntry['units']) => u.map((x) => `${x.name}（第${x.priority}位）`).join('、'),
            },
            {
              title: '结果',
              dataIndex: 'outcomeLabel',
              width: 130,
              render: (v: string, r) => (
                <Tag color={r.outcome === 'final' ? 'green' : r.outcome === 'withdrawn' || r.outcome === 'not_selected' ? 'red' : 'blue'}>{v}</Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
