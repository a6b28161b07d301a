import { useEffect } from 'react';
import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import { ADMIN_MANAGED_ROLES, CreateUserInputSchema, ROLE_LABELS, checkPassword, unitBindingProblem, type CreateUserInput, type Role } from '@zhengji/domain';
import { errorMessage } from '../../../lib/api.ts';
import { checkRule, maxLengthOf, toPayload, zodRules } from '../../../lib/zod-rules.ts';
import { useCreateUser, useUnitOptions, type CreateUserResult } from '../user.api.ts';

const rules = zodRules(CreateUserInputSchema);
// No auditor: those accounts are the operator's CLI's (separation of duties).
const roleOptions = ADMIN_MANAGED_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
type Values = Partial<CreateUserInput>;

/** Create an account; a unit user must be bound to a unit. */
export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (r: CreateUserResult) => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const unitOptions = useUnitOptions();
  const role = Form.useWatch('role', form) as Role | undefined;

  useEffect(() => {
    if (open) {
      create.reset();
      form.resetFields();
    }
  }, [open]);

  const submit = async () => {
    const values = await form.validateFields();
    const input = toPayload(CreateUserInputSchema, { ...values, unitId: values.role === 'unit' ? values.unitId : null }) as CreateUserInput;
    const result = await create.mutateAsync(input);
    onCreated(result);
  };

  return (
    <Modal
      open={open}
      title="新增用户"
      okText="创建"
      width={620}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {create.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={errorMessage(create.error)} />}
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="username" label="用户名" rules={rules('username', '用户名')} extra="登录用，3至64位字母、数字、点、下划线或连字符">
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="displayName" label="姓名" rules={rules('displayName', '姓名')}>
              <Input maxLength={maxLengthOf(CreateUserInputSchema, 'displayName')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="role" label="角色" rules={rules('role', '角色')}>
              <Select options={roleOptions} placeholder="请选择角色" />
            </Form.Item>
          </Col>
          <Col span={12}>
            {role === 'unit' && (
              <Form.Item name="unitId" label="所属推荐单位" rules={[checkRule((v) => unitBindingProblem('unit', v as string | undefined), true)]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={unitOptions.isPending}
                  options={unitOptions.data ?? []}
                  placeholder="请选择推荐单位"
                />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="email" label="电子邮箱" rules={rules('email', '电子邮箱')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="password"
              label="初始密码"
              extra="留空则由系统生成一次性临时密码"
              dependencies={['username']}
              rules={[
                ...rules('password', '初始密码'),
                ({ getFieldValue }) => ({
                  validator: async (_r, value: string | undefined) => {
                    const problems = value ? checkPassword(value, String(getFieldValue('username') ?? '')) : [];
                    if (problems.length > 0) throw new Error(problems.join('；'));
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
