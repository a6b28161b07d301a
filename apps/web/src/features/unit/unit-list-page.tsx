import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { UNIT_TYPES, UNIT_TYPE_LABELS, formatChineseDateTime, type Unit, type UnitType } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { hasAbility, useMe } from '../../lib/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useUnits } from './unit.api.ts';
import { UnitFormModal } from './components/unit-form-modal.tsx';

/** Admin: the recommending units, with create and edit. */
export function UnitListPage() {
  const { data: me } = useMe();
  const units = useUnits();
  const [keyword, setKeyword] = useState('');
  const [type, setType] = useState<UnitType | undefined>();
  const [editing, setEditing] = useState<{ unit: Unit | null } | null>(null);
  const canCreate = hasAbility(me, 'unit.create');
  const canUpdate = hasAbility(me, 'unit.update');

  const rows = useMemo(() => {
    const k = keyword.trim().toLowerCase();
    return (units.data ?? []).filter(
      (u) => (!type || u.type === type) && (!k || u.name.toLowerCase().includes(k) || (u.creditCode ?? '').toLowerCase().includes(k)),
    );
  }, [units.data, keyword, type]);

  const columns: TableColumnsType<Unit> = [
    { title: '单位名称', dataIndex: 'name', width: 260, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    {
      title: '单位类型',
      dataIndex: 'type',
      width: 130,
      render: (t: UnitType) => <Tag color={t === 'district' ? 'blue' : 'purple'}>{UNIT_TYPE_LABELS[t]}</Tag>,
    },
    { title: '统一社会信用代码', dataIndex: 'creditCode', width: 200, render: (v: string | null) => v ?? '—' },
    { title: '联系人', dataIndex: 'contactName', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '联系电话', dataIndex: 'contactPhone', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '电子邮箱', dataIndex: 'contactEmail', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatChineseDateTime(new Date(v)) },
    ...(canUpdate
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, u: Unit) => (
              <Button type="link" size="small" onClick={() => setEditing({ unit: u })}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="推荐单位管理"
        description="区人社局与行业主管部门，推荐单位经办人账号须绑定其中之一"
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ unit: null })}>
              新增单位
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="按单位名称或信用代码搜索"
            aria-label="按单位名称或信用代码搜索"
            style={{ width: 280 }}
            onSearch={setKeyword}
            onChange={(e) => setKeyword(e.target.value)}
          />
          <Select
            allowClear
            placeholder="单位类型"
            aria-label="单位类型"
            style={{ width: 160 }}
            value={type}
            onChange={setType}
            options={UNIT_TYPES.map((t) => ({ value: t, label: UNIT_TYPE_LABELS[t] }))}
          />
        </Space>
        {units.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorMessage(units.error)} />}
        <Table<Unit>
          rowKey="id"
          size="middle"
          loading={units.isPending}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1300 }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个单位` }}
        />
      </Card>
      <UnitFormModal open={editing !== null} unit={editing?.unit ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
