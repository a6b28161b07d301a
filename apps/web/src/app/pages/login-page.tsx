import { useEffect } from 'react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { LoginInputSchema, type LoginInput, type Me } from '@zhengji/domain';
import { api, errorMessage, setCsrfToken } from '../../lib/api.ts';
import { meQueryKey } from '../../lib/session.ts';
import { zodRules } from '../../lib/zod-rules.ts';
import { BrandMark } from '../../components/brand-mark.tsx';

const rules = zodRules(LoginInputSchema);

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/** The login page: system title, the center's name, username and password. */
export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  useEffect(() => {
    document.title = '登录 · 征集 · 社会化职业技能等级认定职业（工种）征集系统';
  }, []);
  const login = useMutation({
    mutationFn: (input: LoginInput) => api.post<Me>('/api/auth/login', input, { redirectOnAuthError: false }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
      void navigate(me.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true });
    },
  });

  return (
    <div className="zj-login">
      <div className="zj-login-top">
        <BrandMark size={40} />
        <div>
          <div style={{ fontSize: 16, fontWeight: 600, letterSpacing: 2 }}>上海市人力资源和社会保障局</div>
          <div style={{ fontSize: 12, opacity: 0.8, letterSpacing: 1 }}>Shanghai Municipal Human Resources and Social Security Bureau</div>
        </div>
      </div>
      <main className="zj-login-main">
        <section className="zj-login-intro">
          <Typography.Title level={1} style={{ color: '#fff', fontSize: 30, lineHeight: 1.4, marginBottom: 12 }}>
            社会化职业技能等级认定
            <br />
            职业（工种）征集系统
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 15 }}>上海市职业技能鉴定中心</Typography.Paragraph>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.75)', marginTop: 24 }}>
            征集推荐 · 材料核验 · 专家评估 · 公示发布，全流程网上办理。
          </Typography.Paragraph>
        </section>
        <Card className="zj-login-card" variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            用户登录
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
            请使用系统管理员分配的账号登录
          </Typography.Paragraph>
          {params.get('reason') === 'expired' && !login.isError && (
            <Alert
              type="warning"
              showIcon
              role="status"
              data-testid="login-expired"
              style={{ marginBottom: 16 }}
              message="登录已超时，请重新登录"
              description="为保障账号安全，长时间未操作会自动退出；登录后将回到您刚才所在的页面。"
            />
          )}
          {login.isError && (
            <Alert type="error" showIcon role="alert" data-testid="login-error" style={{ marginBottom: 16 }} message={errorMessage(login.error)} />
          )}
          <Form<LoginInput> layout="vertical" size="large" requiredMark={false} onFinish={(v) => login.mutate(v)} disabled={login.isPending}>
            <Form.Item name="username" label="用户名" rules={rules('username', '用户名')}>
              <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={rules('password', '密码')}>
              <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Button type="primary" htmlType="submit" block loading={login.isPending}>
                登 录
              </Button>
            </Form.Item>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            忘记密码请联系系统管理员重置。
          </Typography.Text>
        </Card>
      </main>
      <footer className="zj-login-footer">上海市职业技能鉴定中心 主办 · 建议使用最新版 Chrome、Edge 或 Firefox 浏览器访问</footer>
    </div>
  );
}
