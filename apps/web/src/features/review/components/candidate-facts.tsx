import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import type { ReviewCandidate } from '../review.api.ts';

/** What the units wrote about a candidate and the reference data (definition, main tasks, standard). */
export function CandidateFacts({ detail }: { detail: ReviewCandidate }) {
  const c = detail.candidate;
  const ref = detail.reference;
  return (
    <Card
      title={
        <span data-testid="candidate-title">
          {c.occupationName}
          {c.jobTypeName ? `（${c.jobTypeName}）` : ''} <Typography.Text type="secondary">{c.occupationCode}</Typography.Text>
        </span>
      }
    >
      <Descriptions
        column={2}
        size="small"
        bordered
        items={[
          { key: 's', label: '国家职业技能标准', children: `${c.standardName || '—'} ${c.standardVersion}` },
          { key: 'k', label: '急需紧缺目录', children: c.inShortageCatalog ? <Tag color="red">已纳入</Tag> : '否' },
          { key: 'i', label: '产业类别', children: c.industries.map((t) => <Tag key={t}>{t}</Tag>) },
          { key: 'e', label: '预计评价人次（三年）', children: c.expectedAssessments },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        推荐单位
      </Typography.Title>
      <Table
        size="small"
        rowKey="unitName"
        pagination={false}
        dataSource={detail.units}
        columns={[
          { title: '推荐单位', dataIndex: 'unitName', width: 200 },
          { title: '优先级', dataIndex: 'priority', width: 70 },
          { title: '预计人次', dataIndex: 'expectedAssessments', width: 90 },
          { title: '推荐理由', dataIndex: 'reason' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        参考资料（职业分类大典）
      </Typography.Title>
      {ref ? (
        <>
          <Typography.Paragraph>
            <b>定义：</b>
            {ref.definition ?? '（大典未收录定义）'}
          </Typography.Paragraph>
          {ref.mainTasks.length > 0 && (
            <ol style={{ paddingLeft: 20 }}>
              {ref.mainTasks.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ol>
          )}
          <Typography.Paragraph>
            <b>国家职业技能标准：</b>
            {ref.standards.map((s) => `${s.name}${s.version ? `（${s.version}）` : ''}`).join('；') || '—'}
          </Typography.Paragraph>
        </>
      ) : (
        <Typography.Paragraph type="secondary">参考数据中未找到该职业，以上为推荐单位填写的内容。</Typography.Paragraph>
      )}
    </Card>
  );
}
