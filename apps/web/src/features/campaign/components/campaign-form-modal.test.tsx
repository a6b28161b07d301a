import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installChineseZodMessages } from '@zhengji/domain';
import { mockApi, renderPage } from '../../../testing/render.tsx';
import { CampaignFormModal } from './campaign-form-modal.tsx';

installChineseZodMessages();

describe('CampaignFormModal: validation from the domain’s CampaignInputSchema', () => {
  it('shows the schema’s Chinese messages and sends nothing while a field is refused', async () => {
    const sent = mockApi({ 'POST /api/campaigns': { status: 201, body: {} } });
    renderPage(<CampaignFormModal open campaign={null} onClose={() => undefined} />);
    const user = userEvent.setup();
    expect((await screen.findByLabelText('标题')).getAttribute('maxlength')).toBe('200');
    expect(screen.getByLabelText('联系人').getAttribute('maxlength')).toBe('50');
    await user.type(screen.getByLabelText('联系邮箱'), 'not-an-address');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('请填写标题')).toBeTruthy();
    expect(screen.getByText('请填写文号')).toBeTruthy();
    expect(screen.getByText('请选择发文日期')).toBeTruthy();
    expect(screen.getByText('请选择截止日期')).toBeTruthy();
    expect(screen.getByText('联系邮箱格式不正确')).toBeTruthy();
    await user.type(screen.getByLabelText('标题'), '   ');
    await waitFor(() => expect(screen.getByText('请填写标题')).toBeTruthy());
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('sends what the schema takes once every field passes', async () => {
    const sent = mockApi({ 'POST /api/campaigns': { status: 201, body: {} } });
    renderPage(<CampaignFormModal open campaign={null} onClose={() => undefined} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('标题'), '2024年职业（工种）征集');
    await user.type(screen.getByLabelText('文号'), '沪人社职〔2024〕319号');
    await user.type(screen.getByLabelText('发文日期'), '2024-09-25{Enter}');
    await user.type(screen.getByLabelText('截止日期（含当日）'), '2024-10-22{Enter}');
    await user.type(screen.getByLabelText('填表说明（每行一条）'), '第一条{Enter}{Enter}第二条');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true));
    expect(sent.find((r) => r.method === 'POST')?.body).toMatchObject({
      title: '2024年职业（工种）征集',
      docNo: '沪人社职〔2024〕319号',
      issueDate: '2024-09-25',
      deadline: '2024-10-22',
      instructions: ['第一条', '第二条'],
      contactEmail: null,
    });
  });
});
