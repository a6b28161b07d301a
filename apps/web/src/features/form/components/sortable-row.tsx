import { createContext, useContext, useMemo, type CSSProperties, type HTMLAttributes } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { HolderOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { ROW_ROLE_DESCRIPTION } from './row-drag-accessibility.ts';

interface HandleContext {
  setActivatorNodeRef?: (el: HTMLElement | null) => void;
  listeners?: Record<string, unknown>;
  attributes?: Record<string, unknown>;
}
const RowHandle = createContext<HandleContext>({});

/** The drag handle of a sortable row (also keyboard-operable: space to lift, arrows to move, space to drop). */
export function DragHandle({ label, disabled }: { label: string; disabled?: boolean }) {
  const { setActivatorNodeRef, listeners, attributes } = useContext(RowHandle);
  return (
    <Button
      type="text"
      size="small"
      icon={<HolderOutlined />}
      ref={setActivatorNodeRef}
      style={{ cursor: disabled ? 'default' : 'grab' }}
      disabled={disabled}
      {...(disabled ? {} : { ...attributes, ...listeners })}
      aria-label={label}
      data-move="handle"
      title="拖动调整顺序（也可聚焦后按空格键拿起、方向键移动、空格键放下）"
    />
  );
}

/** A table row that dnd-kit can move (antd Table `components.body.row`). */
export function SortableRow(props: HTMLAttributes<HTMLTableRowElement> & { 'data-row-key': string }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: props['data-row-key'],
    attributes: { roleDescription: ROW_ROLE_DESCRIPTION },
  });
  const style: CSSProperties = {
    ...props.style,
    transform: CSS.Translate.toString(transform),
    transition,
    ...(isDragging ? { position: 'relative', zIndex: 9, background: '#e8f0fb' } : {}),
  };
  const context = useMemo<HandleContext>(
    () => ({ setActivatorNodeRef, listeners: listeners as Record<string, unknown> | undefined, attributes: attributes as unknown as Record<string, unknown> }),
    [setActivatorNodeRef, listeners, attributes],
  );
  return (
    <RowHandle.Provider value={context}>
      <tr {...props} ref={setNodeRef} style={style} />
    </RowHandle.Provider>
  );
}
