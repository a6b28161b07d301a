import { Alert, Button, Flex, Typography } from 'antd';
import type { FormRow } from '@zhengji/domain';
import type { EditorFinding } from '../input-findings.ts';
import { fieldLabel } from './cell-findings.tsx';

/** Warnings listed at most (errors are always all listed, before them). */
const WARNINGS_SHOWN = 20;

interface Entry {
  row: number;
  finding: EditorFinding;
}

/** Every finding of the form, errors (in row order) before warnings (in row order). */
export function orderedFindings(findings: readonly (readonly EditorFinding[])[]): Entry[] {
  const all = findings.flatMap((list, row) => list.map((finding) => ({ row, finding })));
  return [...all.filter((e) => e.finding.severity === 'error'), ...all.filter((e) => e.finding.severity !== 'error')];
}

/**
 * Errors and warnings of the whole form above the rows: every error first, then the warnings, each naming its row and
 * field; clicking one focuses that field.
 */
export function FindingsSummary({
  findings,
  rowKeys,
  onFocusRow,
}: {
  findings: readonly (readonly EditorFinding[])[];
  rowKeys: string[];
  onFocusRow: (key: string, field?: keyof FormRow) => void;
}) {
  const entries = orderedFindings(findings);
  const errors = entries.filter((e) => e.finding.severity === 'error');
  const warnings = entries.length - errors.length;
  if (rowKeys.length === 0) return null;
  if (entries.length === 0) return <Alert type="success" showIcon title="全部行均符合申报条件" style={{ marginBottom: 12 }} />;
  const shown = [...errors, ...entries.slice(errors.length, errors.length + WARNINGS_SHOWN)];
  return (
    <Alert
      type={errors.length > 0 ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      title={
        <span data-testid="findings-summary">
          {errors.length > 0 ? `${String(errors.length)} 个错误须修改后才能提交` : '没有错误，可以提交'}
          {warnings > 0 ? `；${String(warnings)} 个提醒请核对` : ''}
        </span>
      }
      description={
        <Flex vertical gap={2} style={{ maxHeight: 320, overflowY: 'auto' }} data-testid="findings-list">
          {shown.map(({ row, finding }, k) => (
            <div key={`${String(row)}-${finding.code}-${String(k)}`} data-severity={finding.severity}>
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto' }}
                onClick={() => onFocusRow(rowKeys[row] ?? '', finding.field ?? 'occupationCode')}
              >
                第 {row + 1} 行 · {fieldLabel(finding)}
              </Button>
              <Typography.Text type={finding.severity === 'error' ? 'danger' : 'warning'}>
                ：{finding.severity === 'error' ? '' : '（提醒）'}
                {finding.message}
              </Typography.Text>
            </div>
          ))}
          {entries.length > shown.length && <Typography.Text type="secondary">……另有 {entries.length - shown.length} 个提醒，见各行</Typography.Text>}
        </Flex>
      }
    />
  );
}
