import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_LABELS, AUDIT_OBJECT_LABELS, AUDIT_RESULTS, AUDIT_RESULT_LABELS } from '@zhengji/domain';
import { DATE_INPUT_FORMATS } from '../../../lib/dates.ts';
import type { AuditFilters } from '../audit.api.ts';

interface Values {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  objectType?: string;
  result?: AuditFilters['result'];
}

// Dates are calendar days in Asia/Shanghai, whatever the browser's time zone.
const dayStart = (d: Dayjs) => `${d.format('YYYY-MM-DD')}T00:00:00.000+08:00`;
const dayEnd = (d: Dayjs) => `${d.format('YYYY-MM-DD')}T23:59:59.999+08:00`;

function toFilters(v: Values): AuditFilters {
  const [from, to] = v.range ?? [];
  const text = (s?: string) => (s?.trim() ? s.trim() : undefined);
  return {
    from: from ? dayStart(from) : undefined,
    to: to ? dayEnd(to) : undefined,
    actor: text(v.actor),
    action: text(v.action),
    objectType: text(v.objectType),
    result: v.result,
  };
}

// Chinese choices only: each group of actions (its prefix selects all of them, the server matches prefixes), then its actions.
const actionOptions = AUDIT_ACTION_GROUPS.map((g) => ({
  label: g.label,
  title: g.label,
  options: [
    { value: g.prefix, label: `全部${g.label}操作` },
    ...Object.entries(AUDIT_ACTION_LABELS)
      .filter(([code]) => code.startsWith(g.prefix))
      .map(([value, label]) => ({ value, label })),
  ],
}));
const objectOptions = Object.entries(AUDIT_OBJECT_LABELS).map(([value, label]) => ({ value, label }));
const searchLabel = (input: string, option?: { label?: unknown }) => String(option?.label ?? '').includes(input.trim());

/** The audit filters: date range, actor, action, object type, result; search, reset, export. */
export function AuditFilterBar({
  onSearch,
  onExport,
  exporting,
  canExport,
}: {
  onSearch: (f: AuditFilters) => void;
  onExport: (f: AuditFilters) => void;
  exporting: boolean;
  canExport: boolean;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <Form form={form} layout="inline" onFinish={(v) => onSearch(toFilters(v))} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="range" label="时间">
        <DatePicker.RangePicker allowEmpty={[true, true]} format={DATE_INPUT_FORMATS} aria-label="时间范围" />
      </Form.Item>
      <Form.Item name="actor" label="操作人">
        <Input allowClear placeholder="用户名" style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" label="操作">
        <Select
          allowClear
          showSearch={{ filterOption: searchLabel }}
          options={actionOptions}
          placeholder="全部操作"
          aria-label="操作"
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item name="objectType" label="对象类型">
        <Select
          allowClear
          showSearch={{ filterOption: searchLabel }}
          options={objectOptions}
          placeholder="全部对象"
          aria-label="对象类型"
          style={{ width: 160 }}
        />
      </Form.Item>
      <Form.Item name="result" label="结果">
        <Select
          allowClear
          placeholder="全部"
          style={{ width: 100 }}
          aria-label="结果"
          options={AUDIT_RESULTS.map((r) => ({ value: r, label: AUDIT_RESULT_LABELS[r] }))}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          查询
        </Button>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          重置
        </Button>
        {canExport && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => onExport(toFilters(form.getFieldsValue()))}>
            导出 CSV
          </Button>
        )}
      </Space>
    </Form>
  );
}
