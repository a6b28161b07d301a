import {
  KeyboardSensor,
  type Announcements,
  type DndContextProps,
  type KeyboardSensorProps,
  type ScreenReaderInstructions,
  type UniqueIdentifier,
} from '@dnd-kit/core';

/** What a screen reader calls a row that can be moved (dnd-kit's default is the English "sortable"). */
export const ROW_ROLE_DESCRIPTION = '可拖动排序的行';

/** How to move a row by keyboard, read when the drag handle gets the focus (instead of dnd-kit's English text). */
export const ROW_DRAG_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable: '按空格键或回车键拿起该行，用上下方向键移动，再按空格键或回车键放下，按 Esc 键取消。也可以按 Alt+上下方向键直接移动当前行。',
};

/**
 * The drag-and-drop announcements of the 推荐表 rows in Chinese, naming rows by their place ("第 2 行移到了第 4 行的位置"),
 * as the row numbers on screen do. `keys` are the rows' ids in their current order.
 */
export function rowDragAnnouncements(keys: readonly UniqueIdentifier[]): Announcements {
  const place = (id: UniqueIdentifier | undefined) => (id === undefined ? -1 : keys.indexOf(id) + 1);
  return {
    onDragStart: ({ active }) => `已拿起第 ${String(place(active.id))} 行。`,
    // Over its own place right after lifting: keep "已拿起…" instead of announcing a move that did not happen.
    onDragOver: ({ active, over }) =>
      over?.id === active.id
        ? undefined
        : over
          ? `第 ${String(place(active.id))} 行移到了第 ${String(place(over.id))} 行的位置。`
          : `第 ${String(place(active.id))} 行已移出表格。`,
    onDragEnd: ({ active, over }) =>
      over ? `第 ${String(place(active.id))} 行已放下，现在位于第 ${String(place(over.id))} 行。` : `第 ${String(place(active.id))} 行已放下。`,
    onDragCancel: ({ active }) => `已取消拖动，第 ${String(place(active.id))} 行回到原位。`,
  };
}

/** The DndContext `accessibility` prop of the rows table: Chinese announcements and instructions. */
export function rowDragAccessibility(keys: readonly UniqueIdentifier[]): NonNullable<DndContextProps['accessibility']> {
  return { announcements: rowDragAnnouncements(keys), screenReaderInstructions: ROW_DRAG_INSTRUCTIONS };
}

/**
 * dnd-kit's keyboard sensor, without its lost first key. The sensor announces the pickup at once but starts listening
 * for ↑/↓/Space only from a timer; on a busy machine a key pressed in between ("已拿起第 1 行" already read out) did
 * nothing. This sensor holds such keys back and hands them to dnd-kit once it listens (its timer, set first, has run).
 */
export class RowKeyboardSensor extends KeyboardSensor {
  constructor(props: KeyboardSensorProps) {
    super(props);
    const lifting = props.event;
    const doc = (lifting.target as Node | null)?.ownerDocument ?? document;
    const early: KeyboardEvent[] = [];
    const hold = (e: KeyboardEvent) => {
      if (e === lifting) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      early.push(e);
    };
    doc.addEventListener('keydown', hold, true);
    setTimeout(() => {
      doc.removeEventListener('keydown', hold, true);
      for (const e of early) doc.dispatchEvent(new KeyboardEvent('keydown', { key: e.key, code: e.code, altKey: e.altKey, bubbles: true, cancelable: true }));
    });
  }
}
