import { useState } from 'react';
import { Alert, Card, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReferenceSearchResult } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useReferenceSearch } from './reference.api.ts';
import { FlagTags } from './components/flag-tags.tsx';
import { OccupationDrawer } from './components/occupation-drawer.tsx';

const MATCH_LABELS: Record<string, string> = {
  code_exact: '编码',
  code_prefix: '编码前缀',
  name_exact: '名称',
  name_prefix: '名称开头',
  name_substring: '名称包含',
  pinyin: '拼音',
  standard_name: '国家职业技能标准名称',
};

/** One search box over occupations and 工种: code, name, pinyin, initials. */
export function ReferenceSearchPage() {
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const results = useReferenceSearch(q);
  const columns: TableColumnsType<ReferenceSearchResult> = [
    { title: '职业编码', dataIndex: 'code', width: 120, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
    {
      title: '职业名称',
      key: 'name',
      width: 220,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <a onClick={() => setOpen(r.code)}>{r.name}</a>
          {r.matchedJobType && <Typography.Text type="secondary">工种：{r.matchedJobType}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            匹配：{MATCH_LABELS[r.matchKind] ?? r.matchKind}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '工种',
      key: 'jobTypes',
      render: (_, r) =>
        r.jobTypes.length ? (
          <Space size={[4, 4]} wrap>
            {r.jobTypes.slice(0, 8).map((j) => (
              <Tag key={j} color={j === r.matchedJobType ? 'gold' : undefined}>
                {j}
              </Tag>
            ))}
            {r.jobTypes.length > 8 && <Tag>等 {r.jobTypes.length} 个</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '国家职业技能标准',
      key: 'standards',
      width: 260,
      render: (_, r) =>
        r.standards.length ? (
          <Space direction="vertical" size={2}>
            {r.standards.slice(0, 4).map((s, i) => (
              <span key={i}>
                {s.standardName} <Tag color={s.version ? 'geekblue' : 'default'}>{s.version ?? '版本待核'}</Tag>
              </span>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">无</Typography.Text>
        ),
    },
    { title: '标识', key: 'flags', width: 220, render: (_, r) => <FlagTags flags={r.flags} /> },
  ];
  return (
    <>
      <PageHeader title="职业（工种）查询" description="按职业编码、编码前缀、名称、全拼或拼音首字母查找职业和工种，例如 4-10、养老、yanglao、ylhly" />
      <Card>
        <Input.Search
          autoFocus
          allowClear
          size="large"
          placeholder="输入编码、名称或拼音，例如 ylhly"
          enterButton="搜索"
          style={{ maxWidth: 560, marginBottom: 16 }}
          onSearch={setQ}
          onChange={(e) => setQ(e.target.value)}
        />
        {results.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorMessage(results.error)} />}
        <Table<ReferenceSearchResult>
          rowKey={(r) => `${r.code}|${r.matchedJobType ?? ''}`}
          size="middle"
          loading={results.isFetching}
          columns={columns}
          dataSource={q.trim() ? (results.data ?? []) : []}
          locale={{ emptyText: q.trim() ? '没有找到匹配的职业或工种' : '请输入要查找的内容' }}
          pagination={false}
          scroll={{ x: 1000 }}
        />
      </Card>
      <OccupationDrawer code={open} onClose={() => setOpen(null)} onNavigate={setOpen} />
    </>
  );
}
