import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Me } from '@zhengji/domain';
import { whenIdle } from './lib/when-idle.ts';
import { LoginPage } from './app/pages/login-page.tsx';
import './styles.css';

// The entry holds React and the light login page only. /login is drawn at once, without Ant Design (whose code and
// CSS-in-JS dominate a cold load), and the full app (app/app-root.tsx, a chunk of its own) loads in the background,
// to take over after the login. Every other address loads the full app straight away.
const loadApp = () => import('./app/app-root.tsx');

const element = document.getElementById('root');
if (!element) throw new Error('missing #root');
const root = createRoot(element);

function LoadFailed() {
  return (
    <div role="alert" style={{ padding: 48, textAlign: 'center', fontSize: 16 }}>
      <p>页面加载失败，请检查网络后刷新重试。</p>
      <button type="button" onClick={() => window.location.reload()}>
        刷新页面
      </button>
    </div>
  );
}

async function enterApp(me: Me, to: string): Promise<void> {
  let app: Awaited<ReturnType<typeof loadApp>>;
  try {
    app = await loadApp();
  } catch {
    window.location.assign(to); // the session cookie is set: a full load of the address brings the app
    return;
  }
  window.history.replaceState(null, '', to);
  app.mountApp(root, me);
}

if (window.location.pathname === '/login') {
  // Rendered before the script ends (not in a later task): the form is in the page by DOMContentLoaded.
  flushSync(() =>
    root.render(
      <StrictMode>
        <LoginPage search={window.location.search} onLoggedIn={enterApp} />
      </StrictMode>,
    ),
  );
  whenIdle(() => void loadApp().catch(() => undefined));
} else {
  loadApp().then(
    (app) => app.mountApp(root),
    () => root.render(<LoadFailed />),
  );
}
