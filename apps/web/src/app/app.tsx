import { useEffect } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { configureApi, loginUrl } from '../lib/api.ts';
import { meQueryKey, rememberLogin } from '../lib/session.ts';
import { RequireAuth } from './auth-guard.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { RouteGate } from './route-gate.tsx';
import { appRoutes } from './routes.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { ChangePasswordPage } from './pages/change-password-page.tsx';
import { ForbiddenPage } from './pages/forbidden-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

/** The light login page inside the app (after logout, or when the session ran out): a login stays in the app. */
function RoutedLoginPage() {
  const navigate = useNavigate();
  const { search } = useLocation();
  const queryClient = useQueryClient();
  return (
    <LoginPage
      search={search}
      onLoggedIn={(me, to) => {
        rememberLogin(queryClient, me);
        void navigate(to, { replace: true });
      }}
    />
  );
}

/** The route tree: the login page outside the shell, every registry page inside it. */
export function App() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    configureApi({
      onUnauthenticated: () => {
        if (window.location.pathname === '/login') return;
        const to = loginUrl('expired');
        queryClient.removeQueries({ queryKey: meQueryKey });
        void navigate(to, { replace: true });
      },
      onPasswordChangeRequired: () => {
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
        void navigate('/change-password', { replace: true });
      },
    });
  }, [navigate, queryClient]);

  return (
    <Routes>
      <Route path="/login" element={<RoutedLoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        {appRoutes.map((r) => (
          <Route key={r.path} path={r.path} element={<RouteGate route={r} />} />
        ))}
        <Route path="/change-password" element={<ChangePasswordPage />} />
        <Route path="/403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
