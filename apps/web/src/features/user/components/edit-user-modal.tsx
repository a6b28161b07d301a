import { useEffect } from 'react';
import { Alert, App as AntApp, Descriptions, Form, Input, Modal, Select, Switch } from 'antd';
import { CreateUserInputSchema, ROLE_LABELS, UpdateUserInputSchema, unitBindingProblem, type UpdateUserInput, type User } from '@zhengji/domain';
import { errorMessage } from '../../../lib/api.ts';
import { checkRule, maxLengthOf, toPayload, zodRules } from '../../../lib/zod-rules.ts';
import { useUnitOptions, useUpdateUser } from '../user.api.ts';

const rules = zodRules(UpdateUserInputSchema);
/** A name may be left unchanged in an edit, never emptied: the create rule. */
const createRules = zodRules(CreateUserInputSchema);

/** Edit an account: name, e-mail, unit binding, disabled, forced password change. */
export function EditUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<UpdateUserInput>();
  const { message } = AntApp.useApp();
  const update = useUpdateUser();
  const unitOptions = useUnitOptions();

  useEffect(() => {
    if (!user) return;
    update.reset();
    form.resetFields();
    form.setFieldsValue({
      displayName: user.displayName,
      email: user.email,
      unitId: user.unitId,
      disabled: user.disabled,
      mustChangePassword: user.mustChangePassword,
    });
  }, [user]);

  const submit = async () => {
    if (!user) return;
    const values = await form.validateFields();
    const payload = toPayload(UpdateUserInputSchema, values);
    if (user.role !== 'unit') delete payload.unitId;
    // Send only what changed, so the audit log records the real change.
    const input = Object.fromEntries(Object.entries(payload).filter(([k, v]) => user[k as keyof User] !== v)) as UpdateUserInput;
    if (Object.keys(input).length > 0) await update.mutateAsync({ id: user.id, input });
    void message.success(`已保存用户“${user.displayName}”`);
    onClose();
  };

  return (
    <Modal
      open={user !== null}
      title="编辑用户"
      okText="保存"
      width={560}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={update.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {update.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={errorMessage(update.error)} />}
      {user && (
        <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
          <Descriptions.Item label="角色">{ROLE_LABELS[user.role]}</Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="displayName" label="姓名" rules={createRules('displayName', '姓名')}>
          <Input maxLength={maxLengthOf(CreateUserInputSchema, 'displayName')} />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱" rules={rules('email', '电子邮箱')}>
          <Input />
        </Form.Item>
        {user?.role === 'unit' && (
          <Form.Item name="unitId" label="所属推荐单位" rules={[checkRule((v) => unitBindingProblem('unit', v as string | undefined), true)]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={unitOptions.isPending} options={unitOptions.data ?? []} />
          </Form.Item>
        )}
        <Form.Item
          name="disabled"
          label="停用账号"
          valuePropName="checked"
          extra={!user?.disabled && user?.actions.disable.reason ? user.actions.disable.reason : '停用后该用户无法登录，已登录的会话立即失效'}
        >
          <Switch checkedChildren="已停用" unCheckedChildren="正常" disabled={!user?.disabled && !user?.actions.disable.allowed} />
        </Form.Item>
        <Form.Item name="mustChangePassword" label="下次登录须修改密码" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
