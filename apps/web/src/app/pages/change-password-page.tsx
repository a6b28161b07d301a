import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, List, Row, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { ChangePasswordInputSchema, PASSWORD_MIN_LENGTH, checkPassword, type ChangePasswordInput } from '@zhengji/domain';
import { api, errorMessage } from '../../lib/api.ts';
import { meQueryKey } from '../../lib/session.ts';
import { zodRules } from '../../lib/zod-rules.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useShell } from '../shell-context.ts';

const rules = zodRules(ChangePasswordInputSchema);
type Values = ChangePasswordInput & { confirmPassword: string };

/** Change one's own password, with the password rules checked as one types. */
export function ChangePasswordPage() {
  const { me } = useShell();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const problems = newPassword ? checkPassword(newPassword, me.username) : [];

  const change = useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post<void>('/api/auth/change-password', input),
    onSuccess: async () => {
      void message.success('密码已修改，请牢记新密码');
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      void navigate('/', { replace: true });
    },
  });

  return (
    <>
      <PageHeader title="修改密码" description="定期修改密码有助于保障账号安全" />
      <Row gutter={24}>
        <Col xs={24} lg={13}>
          <Card>
            {change.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={errorMessage(change.error)} />}
            <Form<Values>
              form={form}
              layout="vertical"
              style={{ maxWidth: 440 }}
              onFinish={({ currentPassword, newPassword: next }) => change.mutate({ currentPassword, newPassword: next })}
            >
              <Form.Item name="currentPassword" label="当前密码" rules={rules('currentPassword', '当前密码')}>
                <Input.Password autoComplete="current-password" placeholder="请输入当前密码" />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label="新密码"
                rules={[
                  ...rules('newPassword', '新密码'),
                  {
                    validator: async (_r, value: string | undefined) => {
                      const found = value ? checkPassword(value, me.username) : [];
                      if (found.length > 0) throw new Error('新密码不符合密码规则，请对照右侧提示修改');
                    },
                  },
                ]}
              >
                <Input.Password autoComplete="new-password" placeholder={`至少${PASSWORD_MIN_LENGTH}位`} />
              </Form.Item>
              <Form.Item
                name="confirmPassword"
                label="确认新密码"
                dependencies={['newPassword']}
                rules={[
                  { required: true, message: '请再次输入新密码' },
                  ({ getFieldValue }) => ({
                    validator: async (_r, value: string | undefined) => {
                      if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
                    },
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" placeholder="请再次输入新密码" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={change.isPending}>
                确认修改
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <Card title="密码规则" data-testid="password-rules">
            <Typography.Paragraph type="secondary">
              密码长度至少{PASSWORD_MIN_LENGTH}位，须包含大写字母、小写字母、数字、特殊字符中的至少三类，不能是常见密码，也不能包含用户名。
            </Typography.Paragraph>
            {!newPassword ? (
              <Typography.Text type="secondary">输入新密码后，这里会实时显示检查结果。</Typography.Text>
            ) : problems.length === 0 ? (
              <Typography.Text type="success">
                <CheckCircleFilled /> 新密码符合全部密码规则
              </Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={problems}
                renderItem={(p) => (
                  <List.Item style={{ paddingInline: 0 }}>
                    <Typography.Text type="danger">
                      <CloseCircleFilled /> {p}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
