import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { installChineseZodMessages, type Me } from '@zhengji/domain';
import { queryClient } from '../lib/query-client.ts';
import { keepDomAccessible } from '../lib/a11y-dom.ts';
import { rememberLogin } from '../lib/session.ts';
import { App } from './app.tsx';
import { appTheme } from './theme.ts';

// The full app (Ant Design in Chinese with the theme, TanStack Query, the router, the route tree), loaded by main.tsx as
// a chunk of its own: at once on every address but /login, in the background while the login page is shown.
dayjs.locale('zh-cn');
installChineseZodMessages();
keepDomAccessible();

/** Renders the full app into the page's root; `me` is the user who just logged in on the light login page. */
export function mountApp(root: Root, me?: Me): void {
  if (me) rememberLogin(queryClient, me);
  root.render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={appTheme}>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
