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
import { App } from './app/app.tsx';
import './styles.css';

dayjs.locale('zh-cn');
installChineseZodMessages();

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{
        token: { colorPrimary: '#134e9c', borderRadius: 4, fontSize: 14 },
        components: {
          Layout: { headerHeight: 56, siderBg: '#fff', bodyBg: '#f0f2f5', triggerBg: '#fff', triggerColor: '#595959' },
          Menu: { itemSelectedBg: '#e8f0fb', itemSelectedColor: '#134e9c', groupTitleColor: '#8c8c8c' },
        },
      }}
    >
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
