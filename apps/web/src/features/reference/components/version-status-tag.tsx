import { Tag } from 'antd';

const STATUS: Record<string, [string, string]> = { draft: ['预览（未生效）', 'gold'], active: ['生效中', 'green'], superseded: ['已被替代', 'default'] };

/** The status of a dataset version as a tag. */
export function VersionStatusTag({ status }: { status: string }) {
  const [label, color] = STATUS[status] ?? [status, 'default'];
  return <Tag color={color}>{label}</Tag>;
}
