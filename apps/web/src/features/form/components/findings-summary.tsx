import { Alert, Button, Flex, Typography } from 'antd';
import type { Finding } from '@zhengji/domain';

/** Errors and warnings of the whole form above the table; clicking a row's entry focuses that row. */
export function FindingsSummary({ findings, rowKeys, onFocusRow }: { findings: Finding[][]; rowKeys: string[]; onFocusRow: (key: string) => void }) {
  const all = findings.flat();
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.length - errors;
  if (rowKeys.length === 0) return null;
  if (all.length === 0) return <Alert type="success" showIcon title="全部行均符合申报条件" style={{ marginBottom: 12 }} />;
  const rows = findings.map((list, i) => ({ i, list })).filter((x) => x.list.length > 0);
  return (
    <Alert
      type={errors > 0 ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      title={<span data-testid="findings-summary">{errors > 0 ? `${String(errors)} 个错误须修改后才能提交` : '没有错误，可以提交'}{warnings > 0 ? `；${String(warnings)} 个提醒请核对` : ''}</span>}
      description={
        <Flex vertical gap={2}>
          {rows.slice(0, 12).map(({ i, list }) => (
            <div key={rowKeys[i] ?? i}>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onFocusRow(rowKeys[i] ?? '')}>
                第 {i + 1} 行
              </Button>
              <Typography.Text type={list.some((f) => f.severity === 'error') ? 'danger' : 'warning'}>：{list[0]?.message}{list.length > 1 ? `（另有 ${String(list.length - 1)} 项）` : ''}</Typography.Text>
            </div>
          ))}
          {rows.length > 12 && <Typography.Text type="secondary">……共 {rows.length} 行有问题</Typography.Text>}
        </Flex>
      }
    />
  );
}
