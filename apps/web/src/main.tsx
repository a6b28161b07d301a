import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { installChineseZodMessages } from '@zhengji/domain';
import { queryClient } from './lib/query-client.ts';
import { keepDomAccessible } from './lib/a11y-dom.ts';
import { App } from './app/app.tsx';
import { appTheme } from './app/theme.ts';
import './styles.css';

dayjs.locale('zh-cn');
installChineseZodMessages();
keepDomAccessible();

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
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
