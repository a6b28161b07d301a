import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { LoginInput, Me } from '@zhengji/domain';
import { api, errorMessage } from '../../lib/api.ts';
import { whenIdle } from '../../lib/when-idle.ts';
import { BrandMark } from '../../components/brand-mark.tsx';
import { ErrorIcon, EyeIcon, EyeInvisibleIcon, LoadingIcon, LockIcon, UserIcon, WarningIcon } from './login-icons.tsx';
import './login-page.css';

// The login page is the first thing most people load, so it is drawn without Ant Design (plain React and
// login-page.css, the same look): main.tsx renders it alone on /login, and the full app shows it on its /login route.

type Field = keyof LoginInput;
type Checks = Record<Field, (value: unknown) => string | undefined>;

let checks: Promise<Checks> | undefined;
/** The domain schema's checks of the two fields (login-checks.ts, with zod), loaded once. */
function loadChecks(): Promise<Checks> {
  checks ??= import('./login-checks.ts').then(
    (m) => m.loginChecks,
    (e: unknown) => {
      checks = undefined;
      throw e;
    },
  );
  return checks;
}

/**
 * Only paths of this site are followed after login (no open redirect): `//host`, `/\host` and the like, which a
 * browser reads as another site, lead home, as does the login page itself.
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/')) return '/';
  const url = new URL(next, window.location.origin);
  if (url.origin !== window.location.origin || url.pathname.startsWith('/login')) return '/';
  return url.pathname + url.search + url.hash;
}

export interface LoginPageProps {
  /** The address's query string: `next` (where to go after login) and `reason=expired`. */
  search: string;
  /** Called once the server accepted the login, with the user and where to go; the form stays pending meanwhile. */
  onLoggedIn: (me: Me, to: string) => void | Promise<void>;
}

type Submission = { status: 'idle' | 'pending' } | { status: 'error'; message: string };

/** The login page: system title, the center's name, username and password. */
export function LoginPage({ search, onLoggedIn }: LoginPageProps) {
  const params = new URLSearchParams(search);
  const [values, setValues] = useState<LoginInput>({ username: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [submission, setSubmission] = useState<Submission>({ status: 'idle' });
  const [passwordShown, setPasswordShown] = useState(false);
  const busy = useRef(false);
  const inputs: Record<Field, RefObject<HTMLInputElement | null>> = { username: useRef(null), password: useRef(null) };
  const pending = submission.status === 'pending';

  useEffect(() => {
    document.title = '登录 · 征集 · 社会化职业技能等级认定职业（工种）征集系统';
    whenIdle(() => void loadChecks().catch(() => undefined));
  }, []);

  const change = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    loadChecks().then(
      (c) => setErrors((e) => ({ ...e, [field]: c[field](value) })),
      () => undefined,
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    try {
      // Without the checks (their chunk failed to load) the server's answer says what is wrong.
      const c = await loadChecks().catch(() => null);
      const found = { username: c?.username(values.username), password: c?.password(values.password) };
      setErrors(found);
      const invalid = (['username', 'password'] as const).find((f) => found[f] !== undefined);
      if (invalid) {
        inputs[invalid].current?.focus();
        return;
      }
      setSubmission({ status: 'pending' });
      const me = await api.post<Me>('/api/auth/login', values, { redirectOnAuthError: false });
      await onLoggedIn(me, me.mustChangePassword ? '/change-password' : safeNext(params.get('next')));
    } catch (e) {
      setSubmission({ status: 'error', message: errorMessage(e) });
    } finally {
      busy.current = false;
    }
  };

  return (
    <div className="zj-login">
      <div className="zj-login-top">
        <BrandMark size={40} />
        <div>
          <div className="zj-login-bureau">上海市人力资源和社会保障局</div>
          <div className="zj-login-bureau-en">Shanghai Municipal Human Resources and Social Security Bureau</div>
        </div>
      </div>
      <main className="zj-login-main">
        <section className="zj-login-intro">
          <h1>
            社会化职业技能等级认定
            <br />
            职业（工种）征集系统
          </h1>
          <p className="zj-login-center">上海市职业技能鉴定中心</p>
          <p className="zj-login-motto">征集推荐 · 材料核验 · 专家评估 · 公示发布，全流程网上办理。</p>
        </section>
        <div className="zj-login-card">
          <h2>用户登录</h2>
          <p className="zj-login-hint">请使用系统管理员分配的账号登录</p>
          {params.get('reason') === 'expired' && submission.status !== 'error' && (
            <div className="zj-login-alert zj-login-alert-warning" role="status" data-testid="login-expired">
              <WarningIcon className="zj-login-alert-icon" />
              <div>
                <div className="zj-login-alert-title">登录已超时，请重新登录</div>
                <div className="zj-login-alert-description">为保障账号安全，长时间未操作会自动退出；登录后将回到您刚才所在的页面。</div>
              </div>
            </div>
          )}
          {submission.status === 'error' && (
            <div className="zj-login-alert zj-login-alert-error" role="alert" data-testid="login-error">
              <ErrorIcon className="zj-login-alert-icon" />
              <div className="zj-login-alert-title">{submission.message}</div>
            </div>
          )}
          <form noValidate onSubmit={(e) => void submit(e)}>
            <LoginField field="username" label="用户名" icon={<UserIcon className="zj-login-input-icon" />} error={errors.username}>
              <input
                ref={inputs.username}
                id="username"
                className="zj-login-input"
                type="text"
                autoComplete="username"
                placeholder="请输入用户名"
                autoFocus
                value={values.username}
                onChange={(e) => change('username', e.target.value)}
                disabled={pending}
                aria-required="true"
                aria-invalid={errors.username ? true : undefined}
                aria-describedby={errors.username ? 'username_help' : undefined}
              />
            </LoginField>
            <LoginField field="password" label="密码" icon={<LockIcon className="zj-login-input-icon" />} error={errors.password}>
              <input
                ref={inputs.password}
                id="password"
                className="zj-login-input zj-login-input-password"
                type={passwordShown ? 'text' : 'password'}
                autoComplete="current-password"
                placeholder="请输入密码"
                value={values.password}
                onChange={(e) => change('password', e.target.value)}
                disabled={pending}
                aria-required="true"
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={errors.password ? 'password_help' : undefined}
              />
              <button
                type="button"
                className="zj-login-eye"
                aria-label="显示密码"
                aria-pressed={passwordShown}
                disabled={pending}
                onClick={() => setPasswordShown((s) => !s)}
              >
                {passwordShown ? <EyeIcon /> : <EyeInvisibleIcon />}
              </button>
            </LoginField>
            <button type="submit" className="zj-login-submit" disabled={pending}>
              {pending && <LoadingIcon className="zj-login-spin" />}
              <span>登 录</span>
            </button>
          </form>
          <p className="zj-login-note">
            <span>忘记密码请联系系统管理员重置。</span>
          </p>
        </div>
      </main>
      <footer className="zj-login-footer">上海市职业技能鉴定中心 主办 · 建议使用最新版 Chrome、Edge 或 Firefox 浏览器访问</footer>
    </div>
  );
}

/** A labelled field: the label above, the input with its icon, the schema's message below. */
function LoginField({ field, label, icon, error, children }: { field: Field; label: string; icon: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className={error ? 'zj-login-field zj-login-field-error' : 'zj-login-field'}>
      <label htmlFor={field}>{label}</label>
      <div className="zj-login-control">
        {children}
        {icon}
      </div>
      {error && (
        <div id={`${field}_help`} className="zj-login-explain">
          {error}
        </div>
      )}
    </div>
  );
}
