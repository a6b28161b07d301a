import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Finding, FormRow } from '@zhengji/domain';
import { mockApi, renderPage, type SentRequest } from '../../testing/render.tsx';
import type { FormView } from './form.api.ts';
import { FormEditorPage } from './form-editor-page.tsx';

// The unit's editor, tested by what a person sees and does (labels, roles, texts), so that a new layout keeps them.
const ELDER: FormRow = {
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  inShortageCatalog: true,
  industries: ['养老护理'],
  expectedAssessments: 3000,
  reason: '本市老龄化程度高',
};
const AI: FormRow = {
  ...ELDER,
  occupationCode: '4-04-05-05',
  occupationName: '人工智能训练师',
  standardName: '人工智能训练师',
  standardVersion: '2021年版',
  inShortageCatalog: false,
  industries: ['人工智能'],
  expectedAssessments: 800,
  reason: '产业快速发展',
};
const CODE_ERROR: Finding = { code: 'code_unknown', severity: 'error', message: '职业编码 4-04-05-05 不在职业分类大典中', field: 'occupationCode' };
const REASON_WARNING: Finding = { code: 'name_mismatch', severity: 'warning', message: '推荐理由较短，请补充依据', field: 'reason' };

const findingsOf = (row: FormRow): Finding[] => (row.occupationCode === AI.occupationCode ? [CODE_ERROR, REASON_WARNING] : []);

function view(rows: FormRow[], version = 3): FormView {
  return {
    id: 'f1',
    campaign: {
      id: 'camp',
      title: '2024年征集',
      docNo: '沪职鉴〔2024〕1号',
      deadline: '2099-10-22T15:59:59.999Z',
      deadlineLabel: '2099年10月22日',
      status: 'open',
      industryTags: ['养老护理', '人工智能'],
    },
    unitId: 'u1',
    unitName: '黄浦区人社局',
    status: 'draft',
    version,
    header: { contactName: '张三', contactPhone: '13912345678', fillDate: null },
    rows: rows.map((r, i) => ({ ...r, id: `row${String(i)}`, priority: i + 1, findings: findingsOf(r) })),
    summary: { errors: 0, warnings: 0 },
    finalized: null,
    scan: null,
    scanMatch: null,
    pendingScan: null,
    submitBlockers: ['请先定稿'],
    lastVersionNumber: 0,
    submittedAt: null,
    returnReason: null,
    returnedUntil: null,
    returnedAt: null,
    acceptedAt: null,
    checkingStartedAt: null,
    lateExceptionUntil: null,
    maxRows: 10,
    updatedAt: '2024-10-08T02:00:00.000Z',
    abilities: { view: true, save: true, finalize: true, unfinalize: false, uploadScan: false, submit: false, withdraw: false } as FormView['abilities'],
  };
}

/** The API as the server answers it: the form, the live check, and saves that echo what was sent. */
function serveForm(rows: FormRow[]): SentRequest[] {
  let version = 3;
  return mockApi({
    'GET /api/forms/mine': { body: view(rows, version) },
    'POST /api/eligibility/check': (r) => ({ body: { rows: (r.body as { rows: FormRow[] }).rows.map((row) => ({ findings: findingsOf(row) })) } }),
    'PUT /api/forms/f1/content': (r) => {
      const { id, version: v, updatedAt, rows: shown, summary, submitBlockers } = view((r.body as { rows: FormRow[] }).rows, ++version);
      return { body: { id, version: v, updatedAt, rows: shown.map((x) => ({ id: x.id, findings: x.findings })), summary, submitBlockers } };
    },
  });
}

const occupationNames = () => screen.getAllByRole('textbox', { name: /^第 \d+ 行职业$/ }).map((i) => (i as HTMLInputElement).value);
const lastSavedRows = (sent: SentRequest[]) =>
  (sent.filter((r) => r.method === 'PUT').pop()?.body as { rows: FormRow[] } | undefined)?.rows.map((r) => r.occupationName);

describe('the form editor', () => {
  it('shows each finding under its cell and counts them in the summary', async () => {
    serveForm([ELDER, AI]);
    renderPage(<FormEditorPage />, { url: '/form', path: '/form' });
    expect(await screen.findByText('1 个错误须修改后才能提交；1 个提醒请核对')).toBeTruthy();
    const cellTexts = screen
      .getAllByRole('alert')
      .flatMap((a) => [...a.querySelectorAll('[data-finding]')])
      .map((f) => f.textContent);
    // Each finding under its row is led by its field's name.
    expect(cellTexts).toContain(`✖ 职业编码：${CODE_ERROR.message}`);
    expect(cellTexts).toContain(`⚠ 推荐理由：${REASON_WARNING.message}`);
    // The summary lists the error first, naming its row and field, then the warning.
    const summary = screen.getByTestId('findings-list');
    const entries = [...summary.querySelectorAll('[data-severity]')].map((e) => e.getAttribute('data-severity'));
    expect(entries).toEqual(['error', 'warning']);
    expect(within(summary).getAllByRole('button')[0]?.textContent).toMatch(/^第 2 行 · /);
    expect(summary.textContent).toContain(`：${CODE_ERROR.message}`);
  });

  it('deletes a row at once, offers 撤销, and puts the row back at its place, which is saved', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const sent = serveForm([ELDER, AI]);
    renderPage(<FormEditorPage />, { url: '/form', path: '/form' });
    await screen.findByText('1 个错误须修改后才能提交；1 个提醒请核对');
    await user.click(screen.getByRole('button', { name: '删除第 1 行' }));
    expect(occupationNames()).toEqual(['人工智能训练师']);
    expect(await screen.findByText('已删除第 1 行：养老护理员')).toBeTruthy();
    // antd puts a space between two Chinese characters of a button.
    await user.click(screen.getByRole('button', { name: /^撤\s?销$/ }));
    expect(occupationNames()).toEqual(['养老护理员', '人工智能训练师']);
    await waitFor(() => expect(lastSavedRows(sent)).toEqual(['养老护理员', '人工智能训练师']));
  });

  it('moves a row with Alt+↑ from inside it and with the 上移 button; the new order is saved', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const sent = serveForm([ELDER, AI]);
    renderPage(<FormEditorPage />, { url: '/form', path: '/form' });
    await screen.findByText('1 个错误须修改后才能提交；1 个提醒请核对');
    await user.click(screen.getByRole('textbox', { name: '第 2 行职业' }));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(occupationNames()).toEqual(['人工智能训练师', '养老护理员']);
    await waitFor(() => expect(lastSavedRows(sent)).toEqual(['人工智能训练师', '养老护理员']));
    await user.click(screen.getByRole('button', { name: '上移第 2 行' }));
    expect(occupationNames()).toEqual(['养老护理员', '人工智能训练师']);
    await waitFor(() => expect(lastSavedRows(sent)).toEqual(['养老护理员', '人工智能训练师']));
  });

  it('keeps the focus after a move: on the field, on the drag handle, or on the other move button when this one is now disabled', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    serveForm([ELDER, AI]);
    renderPage(<FormEditorPage />, { url: '/form', path: '/form' });
    await screen.findByText('1 个错误须修改后才能提交；1 个提醒请核对');
    const field = screen.getByRole('textbox', { name: '第 2 行职业' });
    await user.click(field);
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(occupationNames()).toEqual(['人工智能训练师', '养老护理员']);
    await waitFor(() => expect(document.activeElement).toBe(field));
    // 下移 on the first row: the row is now the last one, its 下移 disabled, so the focus goes to its 上移.
    await user.click(screen.getByRole('button', { name: '下移第 1 行' }));
    expect(occupationNames()).toEqual(['养老护理员', '人工智能训练师']);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('上移第 2 行'));
    // Alt+↑ pressed on the drag handle leaves the focus on the moved row's handle.
    screen.getByRole('button', { name: '拖动第 2 行' }).focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(occupationNames()).toEqual(['人工智能训练师', '养老护理员']);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('拖动第 1 行'));
  });

  it('after an autosave, 提交 names what that save said still stands in the way, not what the loaded form said', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const loaded = { ...view([]), submitBlockers: ['还没有填写任何职业（工种）'] };
    const after = '尚未定稿：请点击“定稿”，打印定稿版本并加盖公章';
    mockApi({
      'GET /api/forms/mine': { body: { ...loaded, rows: view([ELDER]).rows } },
      'POST /api/eligibility/check': (r) => ({ body: { rows: (r.body as { rows: FormRow[] }).rows.map(() => ({ findings: [] })) } }),
      'PUT /api/forms/f1/content': (r) => ({
        body: {
          id: 'f1',
          version: 4,
          updatedAt: '2024-10-08T02:01:00.000Z',
          rows: (r.body as { rows: FormRow[] }).rows.map((_, i) => ({ id: `row${String(i)}`, findings: [] })),
          summary: { errors: 0, warnings: 0 },
          submitBlockers: [after],
        },
      }),
    });
    renderPage(<FormEditorPage />, { url: '/form', path: '/form' });
    expect(await screen.findByText('不能提交：还没有填写任何职业（工种）')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '第 1 行推荐理由' }), '，已调研');
    expect(await screen.findByText(`不能提交：${after}`, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByText('不能提交：还没有填写任何职业（工种）')).toBeNull();
  });
});
