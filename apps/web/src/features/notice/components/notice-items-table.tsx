import { Table, type TableColumnsType } from 'antd';
import type { NoticeItemView } from '@zhengji/domain/notice/notice.schemas.ts';

const columns: TableColumnsType<NoticeItemView> = [
  { title: '序号', dataIndex: 'seq', width: 64 },
  { title: '职业编码', dataIndex: 'occupationCode', width: 110 },
  { title: '职业', dataIndex: 'occupationName', width: 140 },
  { title: '工种', dataIndex: 'jobTypeName', width: 140, render: (v: string) => v || '—' },
  { title: '国家职业技能标准（版本）', key: 'standard', render: (_: unknown, i) => `${i.standardName}${i.standardVersion ? `（${i.standardVersion}）` : ''}` },
  { title: '产业类别', dataIndex: 'industries', render: (v: string[]) => v.join('、') },
  { title: '推荐单位', dataIndex: 'recommendingUnits', render: (v: string[]) => v.join('、') },
];

/** The listed items of a notice. */
export function NoticeItemsTable({ items }: { items: NoticeItemView[] }) {
  return (
    <Table<NoticeItemView>
      rowKey="candidateId"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="notice-items"
    />
  );
}
