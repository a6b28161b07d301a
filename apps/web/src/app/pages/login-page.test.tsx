import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '@zhengji/domain';
import { mockApi } from '../../testing/render.tsx';
import { meQueryKey } from '../../lib/session.ts';
import { App } from '../app.tsx';
import { LoginPage, safeNext } from './login-page.tsx';

const me = (over: Partial<Me> = {}): Me => ({
  id: 'u1',
  username: 'center01',
  displayName: '中心经办人',
  role: 'center',
  unitId: null,
  unitName: null,
  mustChangePassword: false,
  csrfToken: 'csrf-1',
  abilities: {} as Me['abilities'],
  ...over,
});

const LOCKED = '用户名或密码错误。连续输错多次后账号将被临时锁定，请稍后再试或联系管理员';

/** The light page alone, as main.tsx renders it on /login; `onLoggedIn` records where it would go. */
function renderLogin(search = '') {
  const onLoggedIn = vi.fn<(me: Me, to: string) => void>();
  render(<LoginPage search={search} onLoggedIn={onLoggedIn} />);
  return onLoggedIn;
}

async function logIn(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('用户名'), username);
  await user.type(screen.getByLabelText('密码'), password);
  await user.click(screen.getByRole('button', { name: '登 录' }));
  return user;
}

describe('the light login page', () => {
  it('shows the labelled fields with autocomplete, the username focused, and sets the title', () => {
    renderLogin();
    const username = screen.getByLabelText('用户名');
    const password = screen.getByLabelText('密码');
    expect(username.getAttribute('autocomplete')).toBe('username');
    expect(password.getAttribute('autocomplete')).toBe('current-password');
    expect(password.getAttribute('type')).toBe('password');
    expect(document.activeElement).toBe(username);
    expect(screen.getByRole('heading', { name: '用户登录' })).toBeTruthy();
    expect((screen.getByRole('button', { name: '登 录' }) as HTMLButtonElement).disabled).toBe(false);
    expect(document.title).toBe('登录 · 征集 · 社会化职业技能等级认定职业（工种）征集系统');
  });

  it('an empty form says the schema’s messages, sends nothing and puts the focus on the first field', async () => {
    const sent = mockApi({});
    const onLoggedIn = renderLogin();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登 录' }));
    await screen.findByText('请填写用户名');
    expect(screen.getByText('请填写密码')).toBeTruthy();
    const username = screen.getByLabelText('用户名');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(username.getAttribute('aria-describedby')!)?.textContent).toBe('请填写用户名');
    expect(document.activeElement).toBe(username);
    expect(sent).toEqual([]);
    expect(onLoggedIn).not.toHaveBeenCalled();
    // Typing answers at once, as antd's forms do on change.
    await user.type(username, 'a');
    await waitFor(() => expect(screen.queryByText('请填写用户名')).toBeNull());
    expect(username.getAttribute('aria-invalid')).toBeNull();
  });

  it('a username longer than the schema allows is refused with the domain’s Chinese message', async () => {
    const sent = mockApi({});
    renderLogin();
    await logIn('a'.repeat(65), 'secret');
    await screen.findByText('用户名长度不能超过64个字符');
    expect(sent).toEqual([]);
  });

  it('a refused login shows the server’s Chinese message and stays on the page', async () => {
    const sent = mockApi({ 'POST /api/auth/login': { status: 401, body: { code: 'UNAUTHENTICATED', message: LOCKED } } });
    const onLoggedIn = renderLogin('?reason=expired');
    expect(screen.getByTestId('login-expired').getAttribute('role')).toBe('status');
    await logIn('expert01', 'Wrong-Password-123');
    const error = await screen.findByRole('alert');
    expect(error.getAttribute('data-testid')).toBe('login-error');
    expect(error.textContent).toBe(LOCKED);
    // The error replaces the timed-out notice; the form can be sent again.
    expect(screen.queryByTestId('login-expired')).toBeNull();
    expect(sent).toEqual([{ method: 'POST', path: '/api/auth/login', body: { username: 'expert01', password: 'Wrong-Password-123' } }]);
    expect(onLoggedIn).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: '登 录' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('reason=expired says the session timed out', () => {
    renderLogin('?reason=expired&next=%2Fadmin%2Funits');
    const notice = screen.getByTestId('login-expired');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('登录已超时，请重新登录');
    expect(notice.textContent).toContain('登录后将回到您刚才所在的页面');
  });

  it('the form is disabled while the login is pending', async () => {
    let answer: (value: { body: Me }) => void = () => undefined;
    mockApi({ 'POST /api/auth/login': () => new Promise((resolve) => (answer = resolve)) });
    const onLoggedIn = renderLogin('?next=%2Fforms');
    await logIn('center01', 'Secret-Pass-123');
    const button = screen.getByRole('button', { name: '登 录' }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(true));
    expect((screen.getByLabelText('用户名') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('密码') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '显示密码' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => answer({ body: me() }));
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(me(), '/forms'));
  });

  it('after the login it goes to `next` when that is a path of this site, else home', async () => {
    for (const [search, to] of [
      ['?next=%2Fadmin%2Funits%3Fpage%3D2', '/admin/units?page=2'],
      ['?next=%2F%2Fevil.example', '/'],
      ['?next=https%3A%2F%2Fevil.example%2F', '/'],
      ['?next=%2Flogin%3Freason%3Dexpired', '/'],
      ['', '/'],
    ] as const) {
      mockApi({ 'POST /api/auth/login': { body: me() } });
      const onLoggedIn = renderLogin(search);
      await logIn('center01', 'Secret-Pass-123');
      await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(me(), to));
      cleanup();
    }
    // Backslashes and tabs a browser reads as `//`: another site.
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/\t/evil.example')).toBe('/');
    expect(safeNext('/forms#row-3')).toBe('/forms#row-3');
    expect(safeNext(null)).toBe('/');
  });

  it('a password that must be changed leads to /change-password, whatever `next` says', async () => {
    mockApi({ 'POST /api/auth/login': { body: me({ mustChangePassword: true }) } });
    const onLoggedIn = renderLogin('?next=%2Fforms');
    await logIn('admin', 'Generated-Pass-1');
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(me({ mustChangePassword: true }), '/change-password'));
  });

  it('the show-password button reveals the password and says whether it is pressed', async () => {
    renderLogin();
    const user = userEvent.setup();
    const password = screen.getByLabelText('密码');
    await user.type(password, 'Secret-Pass-123');
    const toggle = screen.getByRole('button', { name: '显示密码' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(password.getAttribute('type')).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });
});

describe('the /login route of the full app (after logout or an expired session)', () => {
  it('shows the same page and, after the login, keeps the user in the query cache and goes to `next`', async () => {
    mockApi({ 'POST /api/auth/login': { body: me() } });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    let path = '';
    function Where() {
      const location = useLocation();
      path = location.pathname + location.search;
      return null;
    }
    render(
      <ConfigProvider>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <MemoryRouter initialEntries={['/login?reason=expired&next=%2Fno-such-page']}>
              <App />
              <Where />
            </MemoryRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>,
    );
    expect(screen.getByTestId('login-expired').textContent).toContain('登录已超时');
    await logIn('center01', 'Secret-Pass-123');
    await waitFor(() => expect(path).toBe('/no-such-page'));
    expect(queryClient.getQueryData(meQueryKey)).toEqual(me());
  });
});
