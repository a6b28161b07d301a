import { useCallback, type KeyboardEvent } from 'react';
import { DndContext, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent, type Modifier } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Table, Tooltip, type TableColumnsType } from 'antd';
import { FORM_COLUMN_LABELS as L, type ReferenceSearchResult } from '@zhengji/domain';
import { rowFromSearch, type EditorRow } from '../use-form-editor.ts';
import type { EditorFinding } from '../input-findings.ts';
import { FormRowFields, ROW_FIELDS } from './form-row-fields.tsx';
import { DragHandle, SortableRow } from './sortable-row.tsx';
import { RowKeyboardSensor, rowDragAccessibility } from './row-drag-accessibility.ts';
import { useRowDeleteUndo } from './use-row-delete-undo.tsx';
import './form-rows.css';

interface Props {
  rows: EditorRow[];
  findings: readonly (readonly EditorFinding[])[];
  campaignId: string;
  industryTags: readonly string[];
  readOnly: boolean;
  /** The form's row limit: undoing a deletion never goes beyond it. */
  maxRows?: number;
  onChange: (update: (rows: EditorRow[]) => EditorRow[]) => void;
}

/** The height of the app's top bar (.zj-header): the sticky table header sits below it. */
const TOP_BAR_HEIGHT = 56;
const NO_FINDINGS: readonly EditorFinding[] = [];
const restrictToVerticalAxis: Modifier = ({ transform }) => ({ ...transform, x: 0 });

/** Moves the row at `from` by `delta` places and keeps the focus on the moved row. */
export function moveRow(rows: EditorRow[], from: number, delta: number): EditorRow[] {
  const to = from + delta;
  if (to < 0 || to >= rows.length) return rows;
  return arrayMove(rows, from, to);
}

/**
 * After a move the focus stays where it was: on the field (Alt+↑/↓ pressed in it), the drag handle or the move button
 * that moved the row; a move button that is now disabled (the row reached the top or the bottom) hands it to the other
 * move button, else to the handle, so that the focus is never lost to the page.
 */
function focusAfterMove(key: string, focused: HTMLElement | null, delta: number): void {
  const row = document.querySelector<HTMLElement>(`tr[data-row-key="${CSS.escape(key)}"]`);
  if (!row) return;
  const kind = focused?.closest<HTMLElement>('[data-move]')?.dataset.move;
  if (focused && !kind && row.contains(focused)) {
    if (document.activeElement !== focused) focused.focus();
    return;
  }
  const first = kind ?? (delta < 0 ? 'up' : 'down');
  const target = [first, first === 'up' ? 'down' : 'up', 'handle']
    .map((k) => row.querySelector<HTMLButtonElement>(`[data-move="${k}"]`))
    .find((b) => b && !b.disabled);
  target?.focus();
}

/** The labels of the two lines of fields, as the sticky header shows them above the rows (wide windows only). */
function FieldsHeader() {
  return (
    <>
      <div className="zj-row-grid zj-row-head">
        {ROW_FIELDS.map(({ field, className, label }) => (
          <div key={field} className={`zj-row-field ${className}`} title={L[field]}>
            {label}
          </div>
        ))}
      </div>
      <span className="zj-row-head-narrow">填报内容</span>
    </>
  );
}

/**
 * The rows of the 推荐表, each as two lines of fields that fit a 1280 px window without sideways scrolling (stacked on a
 * phone), its findings beneath, ordered by drag, buttons or Alt+↑/↓; the header sticks below the top bar.
 */
export function FormRowsTable({ rows, findings, campaignId, industryTags, readOnly, maxRows, onChange }: Props) {
  const remove = useRowDeleteUndo(rows, onChange, readOnly, maxRows);
  // Keyboard: Space/Enter lifts the handle's row, ↑/↓ move it one row (sortableKeyboardCoordinates over the vertical list),
  // Space/Enter drops it; keys pressed right after the pickup are kept (RowKeyboardSensor). The page scrolls at once
  // ('auto'), not smoothly: while a smooth scroll runs, dnd-kit still measures the row at its old place, so a second
  // quick ↓ was lost and the move announced late.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(RowKeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, scrollBehavior: 'auto' }),
  );
  const patch = useCallback((key: string, p: Partial<EditorRow>) => onChange((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r))), [onChange]);
  const pick = useCallback(
    (key: string, hit: ReferenceSearchResult) =>
      onChange((rs) =>
        rs.map((x) =>
          x.key === key ? { ...rowFromSearch(hit, x), industries: x.industries, expectedAssessments: x.expectedAssessments, reason: x.reason } : x,
        ),
      ),
    [onChange],
  );
  const move = useCallback(
    (key: string, delta: number) => {
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      onChange((rs) =>
        moveRow(
          rs,
          rs.findIndex((r) => r.key === key),
          delta,
        ),
      );
      requestAnimationFrame(() => focusAfterMove(key, focused, delta));
    },
    [onChange],
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange((rs) =>
      arrayMove(
        rs,
        rs.findIndex((r) => r.key === active.id),
        rs.findIndex((r) => r.key === over.id),
      ),
    );
  };
  const onRowKeyDown = (key: string) => (e: KeyboardEvent) => {
    if (readOnly || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(key, e.key === 'ArrowUp' ? -1 : 1);
  };

  const columns: TableColumnsType<EditorRow> = [
    {
      title: L.priority,
      key: 'priority',
      width: 56,
      className: 'zj-row-priority',
      render: (_, r, i) => (
        <div className="zj-row-order">
          <DragHandle label={`拖动第 ${String(i + 1)} 行`} disabled={readOnly} />
          <strong data-priority>{i + 1}</strong>
          {!readOnly && (
            <>
              <Tooltip title="上移（Alt+↑）">
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={`上移第 ${String(i + 1)} 行`}
                  data-move="up"
                  disabled={i === 0}
                  onClick={() => move(r.key, -1)}
                />
              </Tooltip>
              <Tooltip title="下移（Alt+↓）">
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={`下移第 ${String(i + 1)} 行`}
                  data-move="down"
                  disabled={i === rows.length - 1}
                  onClick={() => move(r.key, 1)}
                />
              </Tooltip>
              <Tooltip title="删除本行（可撤销）">
                <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={`删除第 ${String(i + 1)} 行`} onClick={() => remove(r, i)} />
              </Tooltip>
            </>
          )}
        </div>
      ),
    },
    {
      title: <FieldsHeader />,
      key: 'fields',
      render: (_, r, i) => (
        <FormRowFields
          row={r}
          index={i}
          findings={findings[i] ?? NO_FINDINGS}
          campaignId={campaignId}
          industryTags={industryTags}
          readOnly={readOnly}
          onPatch={patch}
          onPick={pick}
        />
      ),
    },
  ];

  return (
    <DndContext
      sensors={sensors}
      modifiers={[restrictToVerticalAxis]}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={rowDragAccessibility(rows.map((r) => r.key))}
    >
      <SortableContext items={rows.map((r) => r.key)} strategy={verticalListSortingStrategy}>
        <Table<EditorRow>
          className="zj-form-rows"
          rowKey="key"
          size="small"
          bordered
          pagination={false}
          columns={columns}
          dataSource={rows}
          sticky={{ offsetHeader: TOP_BAR_HEIGHT }}
          components={{ body: { row: SortableRow } }}
          onRow={(r) => ({ onKeyDown: onRowKeyDown(r.key) }) as never}
          locale={{ emptyText: readOnly ? '没有推荐的职业（工种）' : '还没有推荐的职业（工种），请在上方搜索框按编码、名称或拼音搜索后选择，或点击“空行”' }}
        />
      </SortableContext>
    </DndContext>
  );
}
