import { useCallback, useEffect, useRef } from 'react';
import { App, Button } from 'antd';
import type { EditorRow } from '../use-form-editor.ts';

const UNDO_SECONDS = 10;

/** Puts a deleted row back at its place (priority), unless it is there already; at most `maxRows` rows. */
export function restoreRow(rows: EditorRow[], row: EditorRow, index: number, maxRows = Infinity): EditorRow[] {
  if (rows.some((r) => r.key === row.key) || rows.length >= maxRows) return rows;
  const at = Math.min(index, rows.length);
  return [...rows.slice(0, at), row, ...rows.slice(at)];
}

/**
 * Deleting a row in the editor, undoable: the row goes at once (and autosave stores that), and a notification
 * offers 撤销 for a few seconds, which puts the very same row back at its place (autosave stores that too).
 */
export function useRowDeleteUndo(rows: EditorRow[], onChange: (update: (rows: EditorRow[]) => EditorRow[]) => void, readOnly: boolean, maxRows = Infinity) {
  const { notification, message } = App.useApp();
  const live = useRef({ rows, readOnly, maxRows });
  useEffect(() => {
    live.current = { rows, readOnly, maxRows };
  });
  const open = useRef(new Set<string>());
  useEffect(() => () => open.current.forEach((k) => notification.destroy(k)), [notification]);

  return useCallback(
    (row: EditorRow, index: number) => {
      onChange((rs) => rs.filter((r) => r.key !== row.key));
      const key = `row-deleted-${row.key}`;
      const label = row.occupationName || row.occupationCode || '空行';
      const undo = () => {
        notification.destroy(key);
        if (live.current.readOnly) return void message.warning('推荐表已不能修改，无法撤销删除');
        if (live.current.rows.length >= live.current.maxRows) return void message.warning('推荐的职业（工种）已达上限，请先删除一行再撤销');
        onChange((rs) => restoreRow(rs, row, index, live.current.maxRows));
      };
      open.current.add(key);
      notification.info({
        key,
        title: `已删除第 ${String(index + 1)} 行：${label}${row.jobTypeName ? `（${row.jobTypeName}）` : ''}`,
        description: `${String(UNDO_SECONDS)} 秒内可撤销，撤销后该行回到原来的序号。`,
        actions: (
          <Button type="primary" size="small" onClick={undo}>
            撤销
          </Button>
        ),
        duration: UNDO_SECONDS,
        placement: 'bottomRight',
        onClose: () => open.current.delete(key),
      });
    },
    [onChange, notification, message],
  );
}
