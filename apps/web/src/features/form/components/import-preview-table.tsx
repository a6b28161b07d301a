import { Alert, List, Table, Tag, Typography } from 'antd';
import { FORM_COLUMN_LABELS } from '@zhengji/domain';
import type { ImportPreview, ImportProblem } from '../form-documents.api.ts';

type PreviewRow = ImportPreview['rows'][number];

const text = (value: string) => (value === '' ? <Typography.Text type="secondary">—</Typography.Text> : value);

/** The problems the import reported, by row and column, blocking ones first. */
export function ImportProblemsList({ problems }: { problems: ImportProblem[] }) {
  if (problems.length === 0) return null;
  const sorted = [...problems].sort((a, b) => Number(b.blocking === true) - Number(a.blocking === true) || (a.row ?? 0) - (b.row ?? 0));
  return (
    <Alert
      type={problems.some((p) => p.blocking) ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      title={`文件中有 ${String(problems.length)} 处内容未能完整读取，请核对`}
      description={
        <List
          size="small"
          data-testid="import-problems"
          style={{ maxHeight: 160, overflow: 'auto' }}
          dataSource={sorted}
          renderItem={(p) => (
            <List.Item style={{ padding: '2px 0' }}>
              {p.blocking && <Tag color="error">须修改</Tag>}
              {p.row !== undefined && <Tag>第 {p.row} 行</Tag>}
              {p.column && <Tag color="blue">{p.column}</Tag>}
              {p.message}
            </List.Item>
          )}
        />
      }
    />
  );
}

/** The rows an import read, each with its eligibility findings. */
export function ImportPreviewTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <Table<PreviewRow>
      size="small"
      rowKey="priority"
      data-testid="import-preview-table"
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 1100, y: 320 }}
      columns={[
        { title: '序号', dataIndex: 'priority', width: 56, fixed: 'left' },
        { title: FORM_COLUMN_LABELS.occupationCode, dataIndex: 'occupationCode', width: 110, render: text },
        { title: FORM_COLUMN_LABELS.occupationName, dataIndex: 'occupationName', width: 140, render: text },
        { title: FORM_COLUMN_LABELS.jobTypeName, dataIndex: 'jobTypeName', width: 110, render: text },
        { title: FORM_COLUMN_LABELS.standardVersion, dataIndex: 'standardVersion', width: 90, render: text },
        { title: '紧缺', dataIndex: 'inShortageCatalog', width: 56, render: (v: boolean | null) => (v === null ? '—' : v ? '是' : '否') },
        { title: FORM_COLUMN_LABELS.industries, dataIndex: 'industries', width: 130, render: (v: string[]) => (v.length === 0 ? '—' : v.join('、')) },
        { title: '人次', dataIndex: 'expectedAssessments', width: 70, render: (v: number | null) => v ?? '—' },
        { title: FORM_COLUMN_LABELS.reason, dataIndex: 'reason', ellipsis: true, render: text },
        {
          title: '检查结果',
          key: 'findings',
          width: 240,
          render: (_, row) =>
            row.findings.length === 0 ? (
              <Tag color="success">通过</Tag>
            ) : (
              row.findings.map((f, i) => (
                <div key={i}>
                  <Tag color={f.severity === 'error' ? 'error' : 'warning'}>{f.severity === 'error' ? '错误' : '提示'}</Tag>
                  <Typography.Text style={{ fontSize: 12 }}>{f.message}</Typography.Text>
                </div>
              ))
            ),
        },
      ]}
    />
  );
}
