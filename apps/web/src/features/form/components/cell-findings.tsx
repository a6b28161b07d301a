import { Typography } from 'antd';
import { FORM_COLUMN_LABELS } from '@zhengji/domain';
import type { EditorFinding } from '../input-findings.ts';

type AnyFinding = Pick<EditorFinding, 'code' | 'severity' | 'message' | 'field'>;

/** The label a finding is shown under: its field's column name (职业编码 when it names no field). */
export function fieldLabel(f: Pick<EditorFinding, 'field'>): string {
  return FORM_COLUMN_LABELS[f.field ?? 'occupationCode'];
}

/**
 * Findings under their input (or, with `labelled`, under a whole row, each led by its field's name): errors red
 * before warnings orange.
 */
export function CellFindings({ findings, labelled = false }: { findings: readonly AnyFinding[]; labelled?: boolean }) {
  if (findings.length === 0) return null;
  const ordered = [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity !== 'error')];
  return (
    <div role="alert" style={{ marginTop: 4 }}>
      {ordered.map((f, i) => (
        <Typography.Text
          key={`${f.code}${String(i)}`}
          type={f.severity === 'error' ? 'danger' : 'warning'}
          style={{ display: 'block', fontSize: 12, lineHeight: 1.5 }}
          data-finding={f.code}
          data-field={f.field ?? 'occupationCode'}
        >
          {f.severity === 'error' ? '✖ ' : '⚠ '}
          {labelled && <strong>{fieldLabel(f)}：</strong>}
          {f.message}
        </Typography.Text>
      ))}
    </div>
  );
}

/** 'error' | 'warning' | undefined for an input's status from its findings. */
export function statusOf(findings: readonly Pick<EditorFinding, 'severity'>[]): 'error' | 'warning' | undefined {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  return findings.length > 0 ? 'warning' : undefined;
}
