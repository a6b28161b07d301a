import { useMemo, useState } from 'react';
import { Alert, Layout, theme } from 'antd';
import { Outlet, useNavigate } from 'react-router-dom';
import { useMe } from '../../lib/session.ts';
import { appRoutes } from '../routes.tsx';
import type { ShellContext } from '../shell-context.ts';
import { SideMenu } from './side-menu.tsx';
import { UserMenu } from './user-menu.tsx';
import { BrandMark } from '../../components/brand-mark.tsx';
import { NotificationBell } from '../../features/notification/notification-bell.tsx';

const { Header, Sider, Content, Footer } = Layout;

/** The back-office frame: header with the account corner, side menu per role, content area. */
export function AppLayout() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const routes = useMemo(() => (me ? appRoutes.filter((r) => r.visible(me)) : []), [me]);
  if (!me) return null;
  const mustChange = me.mustChangePassword;
  const context: ShellContext = { me, routes };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header className="zj-header">
        <a className="zj-brand" onClick={() => void navigate('/')} role="link" tabIndex={0}>
          <BrandMark size={30} />
          <span className="zj-brand-title">社会化职业技能等级认定职业（工种）征集系统</span>
        </a>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexShrink: 0 }}>
          {!mustChange && <NotificationBell />}
          <UserMenu me={me} />
        </div>
      </Header>
      <Layout>
        {!mustChange && (
          <Sider
            width={220}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            // On a phone or a narrow window the menu folds to its icons, so the page keeps its width.
            breakpoint="md"
            onBreakpoint={(broken) => setCollapsed(broken)}
            theme="light"
            className="zj-sider"
            style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
          >
            <SideMenu routes={routes} />
          </Sider>
        )}
        <Layout>
          <Content className="zj-content" style={{ padding: 24 }}>
            {mustChange && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                message="为保障账号安全，首次登录或密码被重置后须先修改密码，修改后方可使用系统其他功能。"
              />
            )}
            <Outlet context={context} />
          </Content>
          <Footer style={{ textAlign: 'center', color: token.colorTextTertiary, padding: '12px 24px' }}>
            上海市职业技能鉴定中心 · 社会化职业技能等级认定职业（工种）征集系统
          </Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
