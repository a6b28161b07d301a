import { Typography } from 'antd';
import type { Finding } from '@zhengji/domain';

/** The findings of one cell, under its input: errors red, warnings orange. */
export function CellFindings({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <div role="alert" style={{ marginTop: 4 }}>
      {findings.map((f, i) => (
        <Typography.Text key={`${f.code}${String(i)}`} type={f.severity === 'error' ? 'danger' : 'warning'} style={{ display: 'block', fontSize: 12, lineHeight: 1.4 }} data-finding={f.code}>
          {f.severity === 'error' ? '✖ ' : '⚠ '}
          {f.message}
        </Typography.Text>
      ))}
    </div>
  );
}

/** 'error' | 'warning' | undefined for an input's status from its findings. */
export function statusOf(findings: readonly Finding[]): 'error' | 'warning' | undefined {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  return findings.length > 0 ? 'warning' : undefined;
}
