import { Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ELIGIBILITY_RULE_TITLES, type Finding } from '@zhengji/domain';
import { CHECK_FAIL_REASONS, CHECK_FAIL_REASON_LABELS, type CheckFailReason } from '@zhengji/domain/check/check.schemas.ts';
import type { CheckView } from '../check.api.ts';

/** A clerk's draft decision for one row. */
export interface DraftDecision {
  decision: 'pass' | 'fail';
  reasonCode: CheckFailReason | null;
  reasonText: string;
  overrides: { code: string; reason: string }[];
}

/** The rows of the submitted version with rule findings and the pass/fail choice per row. */
export function CheckRows({
  view,
  drafts,
  onChange,
  readOnly,
}: {
  view: CheckView;
  drafts: Record<number, DraftDecision>;
  onChange: (i: number, d: DraftDecision) => void;
  readOnly: boolean;
}) {
  return (
    <Table
      rowKey="rowIndex"
      size="small"
      pagination={false}
      dataSource={view.rows}
      scroll={{ x: 820 }}
      columns={[
        { title: '序号', dataIndex: 'rowIndex', width: 56, fixed: 'left', render: (i: number) => i + 1 },
        {
          title: '职业（工种）',
          key: 'o',
          width: 170,
          render: (_: unknown, r) => (
            <>
              <div>
                {r.occupationCode} {r.occupationName}
              </div>
              {r.jobTypeName && <Typography.Text type="secondary">工种：{r.jobTypeName}</Typography.Text>}
            </>
          ),
        },
        { title: '预计人次', dataIndex: 'expectedAssessments', width: 80 },
        { title: '推荐理由', dataIndex: 'reason', ellipsis: true },
        {
          title: '规则检查',
          dataIndex: 'findings',
          width: 190,
          // The rule's Chinese name on the tag; its message (what is wrong, how to fix it) on hover and on keyboard focus.
          render: (fs: Finding[], r) =>
            fs.length === 0 ? (
              <Tag color="green">通过</Tag>
            ) : (
              fs.map((f) => {
                const overridden = (drafts[r.rowIndex]?.overrides ?? []).some((o) => o.code === f.code);
                return (
                  <Tooltip key={f.code} title={f.message} trigger={['hover', 'focus']}>
                    <Tag
                      tabIndex={0}
                      data-rule={f.code}
                      aria-label={`${ELIGIBILITY_RULE_TITLES[f.code]}${overridden ? '（已推翻）' : ''}：${f.message}`}
                      color={overridden ? 'default' : f.severity === 'error' ? 'red' : 'gold'}
                      style={{ textDecoration: overridden ? 'line-through' : undefined, whiteSpace: 'normal', marginBottom: 4 }}
                    >
                      {ELIGIBILITY_RULE_TITLES[f.code]}
                    </Tag>
                  </Tooltip>
                );
              })
            ),
        },
        {
          title: '核验结论',
          key: 'd',
          width: 230,
          // The column the clerk fills stays in view in the page's right half; the others scroll beneath it.
          fixed: 'right',
          render: (_: unknown, r) => {
            const d = drafts[r.rowIndex] ?? { decision: 'pass', reasonCode: null, reasonText: '', overrides: [] };
            const warnings = r.findings.filter((f) => f.severity === 'warning');
            return (
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Select
                  disabled={readOnly}
                  aria-label={`第${String(r.rowIndex + 1)}行结论`}
                  style={{ width: 140 }}
                  value={drafts[r.rowIndex]?.decision}
                  placeholder="未选（按通过）"
                  onChange={(v) => onChange(r.rowIndex, { ...d, decision: v })}
                  options={[
                    { value: 'pass', label: '通过' },
                    { value: 'fail', label: '不通过' },
                  ]}
                />
                {d.decision === 'fail' && (
                  <>
                    <Select
                      disabled={readOnly}
                      placeholder="不通过原因"
                      aria-label={`第${String(r.rowIndex + 1)}行不通过原因`}
                      style={{ width: '100%' }}
                      value={d.reasonCode ?? undefined}
                      onChange={(v) => onChange(r.rowIndex, { ...d, reasonCode: v })}
                      options={CHECK_FAIL_REASONS.map((c) => ({ value: c, label: CHECK_FAIL_REASON_LABELS[c] }))}
                    />
                    <Input
                      disabled={readOnly}
                      placeholder="说明（原因为“其他”时必填）"
                      aria-label={`第${String(r.rowIndex + 1)}行不通过说明`}
                      value={d.reasonText}
                      onChange={(e) => onChange(r.rowIndex, { ...d, reasonText: e.target.value })}
                    />
                  </>
                )}
                {d.decision === 'pass' && warnings.length > 0 && (
                  <Input
                    disabled={readOnly}
                    placeholder="推翻规则提示的理由"
                    aria-label={`第${String(r.rowIndex + 1)}行推翻规则提示的理由`}
                    value={d.overrides[0]?.reason ?? ''}
                    onChange={(e) =>
                      onChange(r.rowIndex, { ...d, overrides: e.target.value ? warnings.map((w) => ({ code: w.code, reason: e.target.value })) : [] })
                    }
                  />
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
