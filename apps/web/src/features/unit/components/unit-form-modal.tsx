import { useEffect } from 'react';
import { Alert, App as AntApp, Col, Divider, Form, Input, Modal, Row, Select } from 'antd';
import { UNIT_TYPES, UNIT_TYPE_LABELS, UnitInputSchema, type Unit, type UnitInput } from '@zhengji/domain';
import { errorMessage } from '../../../lib/api.ts';
import { toPayload, zodRules } from '../../../lib/zod-rules.ts';
import { useCreateUnit, useUpdateUnit } from '../unit.api.ts';

const rules = zodRules(UnitInputSchema);
const typeOptions = UNIT_TYPES.map((t) => ({ value: t, label: UNIT_TYPE_LABELS[t] }));

type Values = { [K in keyof UnitInput]?: UnitInput[K] | null };

/** Create a unit (unit = null) or edit one. */
export function UnitFormModal({ open, unit, onClose }: { open: boolean; unit: Unit | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = AntApp.useApp();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = unit ? update : create;

  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    form.resetFields();
    if (unit) form.setFieldsValue(unit);
  }, [open, unit]);

  const submit = async () => {
    const values = await form.validateFields();
    const input = toPayload(UnitInputSchema, values) as UnitInput;
    if (unit) await update.mutateAsync({ id: unit.id, input });
    else await create.mutateAsync(input);
    void message.success(unit ? '单位信息已保存' : `已新增单位“${input.name}”`);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={unit ? `编辑单位：${unit.name}` : '新增推荐单位'}
      okText="保存"
      width={640}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={mutation.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {mutation.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={errorMessage(mutation.error)} />}
      <Form form={form} layout="vertical" initialValues={{ type: 'district' }}>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label="单位名称" rules={rules('name', '单位名称')}>
              <Input placeholder="如：黄浦区人力资源和社会保障局" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="type" label="单位类型" rules={rules('type', '单位类型')}>
              <Select options={typeOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          rules={rules('creditCode', '统一社会信用代码')}
          normalize={(v: string | undefined) => v?.toUpperCase()}
          extra="18位，系统按 GB 32100 校验位规则核对"
        >
          <Input placeholder="如：11310000002417330U" maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          联系人
        </Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="contactName" label="联系人" rules={rules('contactName', '联系人')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactPhone" label="联系电话" rules={rules('contactPhone', '联系电话')}>
              <Input placeholder="手机或 021-12345678" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactEmail" label="电子邮箱" rules={rules('contactEmail', '电子邮箱')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
