import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';

/** One answer of the mocked API: a status and a JSON body. */
export interface MockAnswer {
  status?: number;
  body?: unknown;
}

/** A request the page sent, with its parsed JSON body. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

type Handler = (request: SentRequest) => MockAnswer | Promise<MockAnswer>;

/**
 * Replaces fetch (and nothing else) with routes keyed `METHOD /api/path` (query string left out). Answers the
 * requests sent, in order, so that a test can assert what the page sent.
 */
export function mockApi(routes: Record<string, Handler | MockAnswer>): SentRequest[] {
  const sent: SentRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const request: SentRequest = { method, path: url.pathname, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
    sent.push(request);
    const route = routes[`${method} ${url.pathname}`];
    // A request the test did not plan for (a side panel's list, say) is answered 404, as an unknown id would be.
    if (!route) return new Response(JSON.stringify({ code: 'NOT_FOUND', message: '不存在' }), { status: 404, headers: { 'content-type': 'application/json' } });
    const answer = typeof route === 'function' ? await route(request) : route;
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), { status, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return sent;
}

/** Renders a page as the app does (antd in Chinese, TanStack Query, the router) at `url`, matched by `path`. */
export function renderPage(page: ReactElement, { url = '/', path = '/' }: { url?: string; path?: string } = {}): RenderResult {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[url]}>
            <Routes>
              <Route path={path} element={page} />
              <Route path="*" element={<p>已离开本页</p>} />
            </Routes>
          </MemoryRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>,
  );
}
