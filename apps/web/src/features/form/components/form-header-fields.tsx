import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { isMainlandPhone, type FormHeader } from '@zhengji/domain';

/** Problem with a contact number, or null: a mainland mobile (11 digits) or a landline (区号-号码[-分机]). */
export function phoneProblem(phone: string): string | null {
  if (phone.trim() === '') return '请填写联系方式';
  return isMainlandPhone(phone) ? null : '请填写 11 位手机号码或带区号的固定电话，如 021-12345678';
}

/** The header of the 推荐表: the unit (fixed), contact person, contact number, fill date. */
export function FormHeaderFields({
  unitName,
  header,
  readOnly,
  onChange,
}: {
  unitName: string;
  header: FormHeader;
  readOnly: boolean;
  onChange: (p: Partial<FormHeader>) => void;
}) {
  const phone = header.contactPhone === '' ? null : phoneProblem(header.contactPhone);
  // The server keeps the header trimmed (FormHeaderSchema): say so rather than change the text silently.
  const trims = (v: string) => (v !== v.trim() && v.trim() !== '' ? '保存时将去掉首尾的空格' : undefined);
  return (
    <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }} component="div">
      <Form.Item label="推荐单位（加盖公章）" style={{ maxWidth: '100%' }}>
        <Typography.Text strong style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>
          {unitName}
        </Typography.Text>
      </Form.Item>
      <Form.Item label="联系人" required validateStatus={header.contactName.trim() ? undefined : 'warning'} help={trims(header.contactName)}>
        <Input
          value={header.contactName}
          maxLength={50}
          disabled={readOnly}
          style={{ width: 140 }}
          onChange={(e) => onChange({ contactName: e.target.value })}
          aria-label="联系人"
        />
      </Form.Item>
      <Form.Item label="联系方式" required validateStatus={phone ? 'error' : undefined} help={phone ?? trims(header.contactPhone)}>
        <Input
          value={header.contactPhone}
          maxLength={30}
          disabled={readOnly}
          style={{ width: 180 }}
          placeholder="手机或 021-xxxxxxxx"
          onChange={(e) => onChange({ contactPhone: e.target.value })}
          aria-label="联系方式"
        />
      </Form.Item>
      <Form.Item label="填表日期">
        <DatePicker
          value={header.fillDate ? dayjs(header.fillDate) : null}
          disabled={readOnly}
          onChange={(d) => onChange({ fillDate: d ? d.format('YYYY-MM-DD') : null })}
          aria-label="填表日期"
        />
      </Form.Item>
    </Form>
  );
}
