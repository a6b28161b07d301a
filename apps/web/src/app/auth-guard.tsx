import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { ApiError } from '../lib/api.ts';
import { useMe } from '../lib/session.ts';

/** Renders its children only for a logged-in person; otherwise sends them to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) {
    return (
      <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" tip="正在加载…">
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </div>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const here = location.pathname + location.search;
      // Someone who was logged in (the user is still cached) lost the session: the login page says it timed out.
      const params = new URLSearchParams();
      if (me.data !== undefined) params.set('reason', 'expired');
      if (here !== '/') params.set('next', here);
      const qs = params.toString();
      const to = qs ? `/login?${qs}` : '/login';
      return <Navigate to={to} replace />;
    }
    return (
      <Result
        status="error"
        title="无法加载用户信息"
        subTitle={me.error instanceof ApiError ? me.error.message : '请检查网络后重试'}
        extra={<Button onClick={() => void me.refetch()}>重试</Button>}
      />
    );
  }
  if (me.data.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <>{children}</>;
}
