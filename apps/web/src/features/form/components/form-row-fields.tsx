import { memo, type ReactNode } from 'react';
import { AutoComplete, Input, Select } from 'antd';
import { REASON_MAX_LENGTH, FORM_COLUMN_LABELS as L, type FormRow, type ReferenceSearchResult } from '@zhengji/domain';
import type { EditorRow } from '../use-form-editor.ts';
import type { EditorFinding } from '../input-findings.ts';
import { readExpected } from '../input-findings.ts';
import { OccupationSearchSelect } from './occupation-search-select.tsx';
import { CellFindings, statusOf } from './cell-findings.tsx';
import { IndustryField } from './industry-field.tsx';

/** The fields of a row in their two lines (classes of form-rows.css): what the unit fills, left to right. */
export const ROW_FIELDS = [
  { field: 'occupationCode', className: 'zj-f-code', label: L.occupationCode },
  { field: 'occupationName', className: 'zj-f-name', label: L.occupationName },
  { field: 'jobTypeName', className: 'zj-f-job', label: L.jobTypeName },
  { field: 'standardName', className: 'zj-f-standard', label: L.standardName },
  { field: 'standardVersion', className: 'zj-f-version', label: '标准版本' },
  { field: 'inShortageCatalog', className: 'zj-f-shortage', label: '急需紧缺' },
  { field: 'industries', className: 'zj-f-industries', label: L.industries },
  { field: 'expectedAssessments', className: 'zj-f-expected', label: L.expectedAssessments },
  { field: 'reason', className: 'zj-f-reason', label: L.reason },
] as const satisfies readonly { field: keyof FormRow; className: string; label: string }[];

interface Props {
  row: EditorRow;
  index: number;
  findings: readonly EditorFinding[];
  campaignId: string;
  industryTags: readonly string[];
  readOnly: boolean;
  onPatch: (key: string, patch: Partial<EditorRow>) => void;
  onPick: (key: string, hit: ReferenceSearchResult) => void;
}

const unique = (list: readonly string[]) => [...new Set(list.filter((x) => x !== ''))];

/**
 * One row of the 推荐表 as two lines of fields that fit the screen (职业 … 急需紧缺, then 产业类别, 预计评价人次 and
 * 推荐理由), stacked on a phone, with the row's findings beneath, each led by its field. Memoized: typing in one row
 * does not render the others.
 */
export const FormRowFields = memo(function FormRowFields({ row: r, index, findings, campaignId, industryTags, readOnly, onPatch, onPick }: Props) {
  const n = String(index + 1);
  const of = (field: keyof FormRow) => statusOf(findings.filter((f) => (f.field ?? 'occupationCode') === field));
  const patch = (p: Partial<EditorRow>) => onPatch(r.key, p);
  const controls: Record<keyof FormRow, ReactNode> = {
    occupationCode: (
      <OccupationSearchSelect
        campaignId={campaignId}
        value={r.occupationCode}
        disabled={readOnly}
        status={of('occupationCode')}
        ariaLabel={`第 ${n} 行职业编码`}
        onPick={(hit) => onPick(r.key, hit)}
      />
    ),
    occupationName: (
      <Input
        value={r.occupationName}
        status={of('occupationName')}
        disabled={readOnly}
        onChange={(e) => patch({ occupationName: e.target.value })}
        aria-label={`第 ${n} 行职业`}
      />
    ),
    jobTypeName: (
      <AutoComplete
        value={r.jobTypeName}
        status={of('jobTypeName')}
        disabled={readOnly}
        allowClear
        placeholder="未分工种的留空"
        style={{ width: '100%' }}
        options={unique(r.jobTypeOptions).map((v) => ({ value: v }))}
        onChange={(v: string) => patch({ jobTypeName: v ?? '' })}
        aria-label={`第 ${n} 行工种`}
      />
    ),
    standardName: (
      <AutoComplete
        value={r.standardName}
        status={of('standardName')}
        disabled={readOnly}
        style={{ width: '100%' }}
        options={r.standardOptions.map((s) => ({ value: `${s.name}\u0000${s.version ?? ''}`, label: `${s.name}${s.version ? `（${s.version}）` : ''}` }))}
        onChange={(v: string) => {
          const [name = '', version] = (v ?? '').split('\u0000');
          patch(version === undefined ? { standardName: name } : { standardName: name, standardVersion: version });
        }}
        aria-label={`第 ${n} 行国家职业技能标准名称`}
      />
    ),
    standardVersion: (
      <Input
        value={r.standardVersion}
        placeholder="如 2019年版"
        status={of('standardVersion')}
        disabled={readOnly}
        onChange={(e) => patch({ standardVersion: e.target.value })}
        aria-label={`第 ${n} 行标准版本`}
      />
    ),
    inShortageCatalog: (
      <Select
        value={r.inShortageCatalog === null ? undefined : r.inShortageCatalog ? 'yes' : 'no'}
        placeholder="是/否"
        status={of('inShortageCatalog')}
        disabled={readOnly}
        style={{ width: '100%' }}
        options={[
          { value: 'yes', label: '是' },
          { value: 'no', label: '否' },
        ]}
        onChange={(v: string) => patch({ inShortageCatalog: v === 'yes' })}
        aria-label={`第 ${n} 行${L.inShortageCatalog}`}
      />
    ),
    industries: (
      <IndustryField
        value={r.industries}
        tags={industryTags}
        status={of('industries')}
        disabled={readOnly}
        label={`第 ${n} 行产业类别`}
        onChange={(industries) => patch({ industries })}
      />
    ),
    expectedAssessments: (
      <Input
        value={r.expectedText ?? (r.expectedAssessments === null ? '' : String(r.expectedAssessments))}
        inputMode="numeric"
        placeholder="三年内人次"
        status={of('expectedAssessments')}
        disabled={readOnly}
        onChange={(e) => patch({ expectedText: e.target.value, expectedAssessments: readExpected(e.target.value).value })}
        aria-label={`第 ${n} 行预计评价人次`}
      />
    ),
    reason: (
      <Input.TextArea
        value={r.reason}
        count={{ show: true, max: REASON_MAX_LENGTH }}
        autoSize={{ minRows: 1, maxRows: 6 }}
        status={of('reason')}
        disabled={readOnly}
        placeholder="文件依据、行业规划、重要会议、调研摸底等"
        onChange={(e) => patch({ reason: e.target.value })}
        aria-label={`第 ${n} 行推荐理由`}
      />
    ),
  };
  return (
    <div className="zj-row-grid">
      {ROW_FIELDS.map(({ field, className, label }) => (
        <div key={field} className={`zj-row-field ${className}`} data-field={field}>
          <span className="zj-row-label" aria-hidden>
            {label}
          </span>
          {controls[field]}
        </div>
      ))}
      <div className="zj-row-findings">
        <CellFindings findings={findings} labelled />
      </div>
    </div>
  );
});
