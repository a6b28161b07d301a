import { useState } from 'react';
import { Descriptions, List, Space, Tag, Typography } from 'antd';
import { FORM_COLUMN_LABELS, formatChineseDateTime } from '@zhengji/domain';
import { useFormVersion, useFormVersions, type RowChange } from '../form.api.ts';

const label = (c: RowChange) => `${c.occupationCode} ${c.occupationName}${c.jobTypeName ? `（${c.jobTypeName}）` : ''}`;

const STATE_TAGS = {
  submitted: { color: 'blue', text: '已提交' },
  voided: { color: 'default', text: '已撤销定稿' },
  finalized: { color: 'gold', text: '当前定稿' },
} as const;

/** The finalized versions (number, state, time, verification code) and the differences of a version from the previous one. */
export function VersionsPanel({
  formId,
  lastVersionNumber,
  finalizedVersionNo,
}: {
  formId: string;
  lastVersionNumber: number;
  finalizedVersionNo: number | null;
}) {
  const versions = useFormVersions(formId, lastVersionNumber > 0 || finalizedVersionNo !== null);
  const [selected, setSelected] = useState<number | null>(null);
  const shown = selected ?? (lastVersionNumber > 1 ? lastVersionNumber : null);
  const detail = useFormVersion(formId, shown);
  const diff = detail.data?.diff;
  if (lastVersionNumber === 0 && finalizedVersionNo === null && (versions.data ?? []).length === 0)
    return <Typography.Text type="secondary">尚未定稿或提交过</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <List
        size="small"
        loading={versions.isLoading}
        dataSource={versions.data ?? []}
        renderItem={(v) => (
          <List.Item
            actions={
              v.number > 1
                ? [
                    <a key="d" onClick={() => setSelected(v.number)}>
                      与第 {v.number - 1} 版比较
                    </a>,
                  ]
                : []
            }
          >
            <Space wrap>
              <Tag color={v.number === lastVersionNumber ? 'blue' : undefined}>第 {v.number} 版</Tag>
              <Tag color={STATE_TAGS[v.state].color}>{STATE_TAGS[v.state].text}</Tag>
              <span>{v.submittedAt ? `${formatChineseDateTime(new Date(v.submittedAt))} 提交` : `${formatChineseDateTime(new Date(v.finalizedAt))} 定稿`}</span>
              <span>{v.rowCount} 行</span>
              {v.scanMatch && (
                <Tag color={v.scanMatch === 'manual' ? 'orange' : 'green'}>{v.scanMatch === 'manual' ? '扫描件人工核对' : '扫描件二维码已匹配'}</Tag>
              )}
              <Typography.Text type="secondary" copyable={{ text: v.contentHash }}>
                校验码 {v.verificationCode}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {diff && (
        <Descriptions size="small" bordered column={1} title={`第 ${String(shown)} 版与第 ${String(diff.previous)} 版的差异`} data-testid="version-diff">
          <Descriptions.Item label="新增">
            {diff.added.length === 0
              ? '无'
              : diff.added.map((c) => (
                  <div key={c.key}>
                    第 {c.after} 行：{label(c)}
                  </div>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label="删除">
            {diff.removed.length === 0
              ? '无'
              : diff.removed.map((c) => (
                  <div key={c.key}>
                    原第 {c.before} 行：{label(c)}
                  </div>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label="修改">
            {diff.changed.length === 0
              ? '无'
              : diff.changed.map((c) => (
                  <div key={c.key}>
                    {label(c)}：{c.before !== c.after ? `序号 ${String(c.before)} → ${String(c.after)}` : ''}
                    {c.fields.length > 0 ? `${c.before !== c.after ? '；' : ''}修改了${c.fields.map((f) => `“${FORM_COLUMN_LABELS[f]}”`).join('、')}` : ''}
                  </div>
                ))}
          </Descriptions.Item>
          {diff.headerChanged.length > 0 && <Descriptions.Item label="表头">修改了联系人信息</Descriptions.Item>}
        </Descriptions>
      )}
    </Space>
  );
}
