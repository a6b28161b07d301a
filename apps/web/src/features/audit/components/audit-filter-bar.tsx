import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { AUDIT_RESULTS } from '@zhengji/domain';
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_LABELS, AUDIT_RESULT_LABELS, type AuditFilters } from '../audit.api.ts';

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

const actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
const objectOptions = Object.entries(AUDIT_OBJECT_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }));

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
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="actor" label="操作人">
        <Input allowClear placeholder="用户名" style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" label="操作">
        <AutoComplete allowClear options={actionOptions} placeholder="如 auth.login" style={{ width: 200 }} filterOption={(input, o) => (o?.label ?? '').includes(input)} />
      </Form.Item>
      <Form.Item name="objectType" label="对象类型">
        <AutoComplete allowClear options={objectOptions} placeholder="如 user" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="result" label="结果">
        <Select allowClear placeholder="全部" style={{ width: 100 }} options={AUDIT_RESULTS.map((r) => ({ value: r, label: AUDIT_RESULT_LABELS[r]?.label ?? r }))} />
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
