import { useCallback, type KeyboardEvent } from 'react';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent, type Modifier } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Input, InputNumber, Select, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { EXPECTED_MAX, REASON_MAX_LENGTH, FORM_COLUMN_LABELS as L, type Finding, type FormRow } from '@zhengji/domain';
import { rowFromSearch, type EditorRow } from '../use-form-editor.ts';
import { OccupationSearchSelect } from './occupation-search-select.tsx';
import { CellFindings, statusOf } from './cell-findings.tsx';
import { DragHandle, SortableRow } from './sortable-row.tsx';
import { rowDragAccessibility } from './row-drag-accessibility.ts';
import { useRowDeleteUndo } from './use-row-delete-undo.tsx';

interface Props {
  rows: EditorRow[];
  findings: Finding[][];
  campaignId: string;
  industryTags: string[];
  readOnly: boolean;
  /** The form's row limit: undoing a deletion never goes beyond it. */
  maxRows?: number;
  onChange: (update: (rows: EditorRow[]) => EditorRow[]) => void;
}

const restrictToVerticalAxis: Modifier = ({ transform }) => ({ ...transform, x: 0 });
const unique = (list: readonly string[]) => [...new Set(list.filter((x) => x !== ''))];

/** Moves the row at `from` by `delta` places and keeps the focus on the moved row. */
export function moveRow(rows: EditorRow[], from: number, delta: number): EditorRow[] {
  const to = from + delta;
  if (to < 0 || to >= rows.length) return rows;
  return arrayMove(rows, from, to);
}

/** The ten-column table of the 推荐表: each cell editable, its findings beneath, rows ordered by drag or keyboard. */
export function FormRowsTable({ rows, findings, campaignId, industryTags, readOnly, maxRows, onChange }: Props) {
  const remove = useRowDeleteUndo(rows, onChange, readOnly, maxRows);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const patch = useCallback((key: string, p: Partial<EditorRow>) => onChange((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r))), [onChange]);
  const move = useCallback(
    (key: string, delta: number) => {
      onChange((rs) => moveRow(rs, rs.findIndex((r) => r.key === key), delta));
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`tr[data-row-key="${key}"] [data-move="${delta < 0 ? 'up' : 'down'}"]`)?.focus());
    },
    [onChange],
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange((rs) => arrayMove(rs, rs.findIndex((r) => r.key === active.id), rs.findIndex((r) => r.key === over.id)));
  };
  const onRowKeyDown = (key: string) => (e: KeyboardEvent) => {
    if (readOnly || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(key, e.key === 'ArrowUp' ? -1 : 1);
  };
  const at = (i: number, field: keyof FormRow) => (findings[i] ?? []).filter((f) => (f.field ?? 'occupationCode') === field);

  const columns: TableColumnsType<EditorRow> = [
    {
      title: L.priority,
      key: 'priority',
      width: 92,
      fixed: 'left',
      render: (_, r, i) => (
        <Space size={0}>
          <DragHandle label={`拖动第 ${String(i + 1)} 行`} disabled={readOnly} />
          <strong style={{ minWidth: 22, display: 'inline-block', textAlign: 'center' }} data-priority>{i + 1}</strong>
          {!readOnly && (
            <Space.Compact orientation="vertical" size="small">
              <Tooltip title="上移（Alt+↑）"><Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`上移第 ${String(i + 1)} 行`} data-move="up" disabled={i === 0} onClick={() => move(r.key, -1)} /></Tooltip>
              <Tooltip title="下移（Alt+↓）"><Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={`下移第 ${String(i + 1)} 行`} data-move="down" disabled={i === rows.length - 1} onClick={() => move(r.key, 1)} /></Tooltip>
            </Space.Compact>
          )}
        </Space>
      ),
    },
    {
      title: L.occupationCode,
      key: 'code',
      width: 200,
      render: (_, r, i) => (
        <>
          <OccupationSearchSelect campaignId={campaignId} value={r.occupationCode} disabled={readOnly} onPick={(hit) => onChange((rs) => rs.map((x) => (x.key === r.key ? { ...rowFromSearch(hit, x), industries: x.industries, expectedAssessments: x.expectedAssessments, reason: x.reason } : x)))} />
          <CellFindings findings={at(i, 'occupationCode')} />
        </>
      ),
    },
    { title: L.occupationName, key: 'name', width: 150, render: (_, r, i) => (<><Input value={r.occupationName} status={statusOf(at(i, 'occupationName'))} disabled={readOnly} maxLength={100} onChange={(e) => patch(r.key, { occupationName: e.target.value })} aria-label={`第 ${String(i + 1)} 行职业`} /><CellFindings findings={at(i, 'occupationName')} /></>) },
    { title: L.jobTypeName, key: 'jobType', width: 150, render: (_, r, i) => (<><AutoComplete value={r.jobTypeName} status={statusOf(at(i, 'jobTypeName'))} disabled={readOnly} allowClear placeholder="未分工种的留空" style={{ width: '100%' }} options={unique(r.jobTypeOptions).map((v) => ({ value: v }))} onChange={(v: string) => patch(r.key, { jobTypeName: v ?? '' })} aria-label={`第 ${String(i + 1)} 行工种`} /><CellFindings findings={at(i, 'jobTypeName')} /></>) },
    {
      title: L.standardName,
      key: 'standard',
      width: 190,
      render: (_, r, i) => (
        <>
          <AutoComplete
            value={r.standardName}
            status={statusOf(at(i, 'standardName'))}
            disabled={readOnly}
            style={{ width: '100%' }}
            options={r.standardOptions.map((s) => ({ value: `${s.name}\u0000${s.version ?? ''}`, label: `${s.name}${s.version ? `（${s.version}）` : ''}` }))}
            onChange={(v: string) => {
              const [name = '', version] = (v ?? '').split('\u0000');
              patch(r.key, version === undefined ? { standardName: name } : { standardName: name, standardVersion: version });
            }}
            aria-label={`第 ${String(i + 1)} 行国家职业技能标准名称`}
          />
          <CellFindings findings={at(i, 'standardName')} />
        </>
      ),
    },
    { title: L.standardVersion, key: 'version', width: 110, render: (_, r, i) => (<><Input value={r.standardVersion} placeholder="如 2019年版" status={statusOf(at(i, 'standardVersion'))} disabled={readOnly} maxLength={50} onChange={(e) => patch(r.key, { standardVersion: e.target.value })} aria-label={`第 ${String(i + 1)} 行标准版本`} /><CellFindings findings={at(i, 'standardVersion')} /></>) },
    { title: '急需紧缺目录', key: 'shortage', width: 100, render: (_, r, i) => (<><Select value={r.inShortageCatalog === null ? undefined : r.inShortageCatalog ? 'yes' : 'no'} placeholder="是/否" status={statusOf(at(i, 'inShortageCatalog'))} disabled={readOnly} style={{ width: '100%' }} options={[{ value: 'yes', label: '是' }, { value: 'no', label: '否' }]} onChange={(v: string) => patch(r.key, { inShortageCatalog: v === 'yes' })} aria-label={`第 ${String(i + 1)} 行${L.inShortageCatalog}`} /><CellFindings findings={at(i, 'inShortageCatalog')} /></>) },
    { title: L.industries, key: 'industries', width: 190, render: (_, r, i) => (<><Select mode="tags" value={r.industries} placeholder="选择或输入产业" status={statusOf(at(i, 'industries'))} disabled={readOnly} style={{ width: '100%' }} options={industryTags.map((t) => ({ value: t, label: t }))} tokenSeparators={['、', ',', '，']} onChange={(v: string[]) => patch(r.key, { industries: v })} aria-label={`第 ${String(i + 1)} 行产业类别`} /><CellFindings findings={at(i, 'industries')} /></>) },
    { title: L.expectedAssessments, key: 'expected', width: 120, render: (_, r, i) => (<><InputNumber value={r.expectedAssessments} min={1} max={EXPECTED_MAX} precision={0} step={1} status={statusOf(at(i, 'expectedAssessments'))} disabled={readOnly} style={{ width: '100%' }} onChange={(v) => patch(r.key, { expectedAssessments: typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : null })} aria-label={`第 ${String(i + 1)} 行预计评价人次`} /><CellFindings findings={at(i, 'expectedAssessments')} /></>) },
    { title: L.reason, key: 'reason', width: 260, render: (_, r, i) => (<><Input.TextArea value={r.reason} showCount maxLength={REASON_MAX_LENGTH} autoSize={{ minRows: 2, maxRows: 6 }} style={{ marginBottom: 16 }} status={statusOf(at(i, 'reason'))} disabled={readOnly} placeholder="文件依据、行业规划、重要会议、调研摸底等" onChange={(e) => patch(r.key, { reason: e.target.value })} aria-label={`第 ${String(i + 1)} 行推荐理由`} /><CellFindings findings={at(i, 'reason')} /></>) },
    ...(readOnly ? [] : [{ title: '操作', key: 'actions', width: 64, fixed: 'right' as const, render: (_: unknown, r: EditorRow, i: number) => <Button danger type="text" icon={<DeleteOutlined />} aria-label={`删除第 ${String(i + 1)} 行`} onClick={() => remove(r, i)} /> }]),
  ];

  return (
    <DndContext sensors={sensors} modifiers={[restrictToVerticalAxis]} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={rowDragAccessibility(rows.map((r) => r.key))}>
      <SortableContext items={rows.map((r) => r.key)} strategy={verticalListSortingStrategy}>
        <Table<EditorRow>
          rowKey="key"
          size="small"
          bordered
          pagination={false}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1640 }}
          components={{ body: { row: SortableRow } }}
          onRow={(r) => ({ onKeyDown: onRowKeyDown(r.key) }) as never}
          locale={{ emptyText: readOnly ? '没有推荐的职业（工种）' : '还没有推荐的职业（工种），请点击上方“添加一行”，按编码、名称或拼音搜索' }}
        />
      </SortableContext>
    </DndContext>
  );
}
