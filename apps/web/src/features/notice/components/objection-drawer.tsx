import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Input, Radio, Space, Spin, Typography } from 'antd';
import {
  OBJECTION_EFFECT_LABELS,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_STATUS_LABELS,
  formatChineseDateTime,
  type ObjectionEffect,
  type ObjectionOutcome,
} from '@zhengji/domain';
import type { ObjectionCommandInput } from '@zhengji/domain/notice/notice.schemas.ts';
import { errorMessage } from '../../../lib/api.ts';
import { useHandleObjection, useObjection } from '../notice.api.ts';

/** One objection with the objector's data (center only), its evidence, and the handling actions the server allows. */
export function ObjectionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const objection = useObjection(id);
  const handle = useHandleObjection();
  const [reason, setReason] = useState('');
  const [reply, setReply] = useState('');
  // Nothing is chosen when the drawer opens: the center decides outcome and effect, no default does it for them.
  const [outcome, setOutcome] = useState<ObjectionOutcome | null>(null);
  const [effect, setEffect] = useState<ObjectionEffect | null>(null);
  const { modal } = App.useApp();
  const o = objection.data;
  const act = (command: Omit<ObjectionCommandInput, 'version'> & Record<string, unknown>) => {
    if (o) handle.mutate({ id: o.id, command: { ...command, version: o.version } as ObjectionCommandInput });
  };
  const confirmDecline = () => {
    if (!o) return;
    modal.confirm({
      title: '不予受理该异议？',
      content: `受理编号 ${o.receiptNo}（异议对象：${o.itemSeq}. ${o.itemLabel}）。不予受理后该异议即处理完毕，理由“${reason.trim()}”将告知异议人，不能再更改。`,
      okText: '确认不予受理',
      okButtonProps: { danger: true },
      cancelText: '取消',
      autoFocusButton: 'cancel',
      onOk: () => act({ action: 'decline', reason }),
    });
  };
  const confirmConclude = () => {
    if (!o || !outcome || !effect) return;
    const item = `“${o.itemSeq}. ${o.itemLabel}”`;
    modal.confirm({
      title: '办结该异议？',
      content: (
        <div data-testid="objection-conclude-summary">
          <p>
            受理编号 {o.receiptNo}，结论：{OBJECTION_OUTCOME_LABELS[outcome]}。
          </p>
          <p>{effect === 'withdrawn' ? `撤销${item}：该项不列入最终名单。` : `保留${item}：该项列入最终名单。`}</p>
          <p>答复将告知异议人。办结后不能再更改。</p>
        </div>
      ),
      okText: effect === 'withdrawn' ? '确认办结并撤销' : '确认办结',
      okButtonProps: { danger: effect === 'withdrawn' },
      cancelText: '取消',
      autoFocusButton: 'cancel',
      onOk: () => act({ action: 'conclude', outcome, effect, reply }),
    });
  };
  const allowed = new Set(o?.allowedActions ?? []);
  return (
    <Drawer open={Boolean(id)} onClose={onClose} title={o ? `异议 ${o.receiptNo}` : '异议'} size="large" destroyOnHidden>
      {!o ? (
        <Spin />
      ) : (
        <>
          {handle.isError && <Alert type="error" showIcon message={errorMessage(handle.error)} style={{ marginBottom: 12 }} data-testid="objection-error" />}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="异议对象">{`${o.itemSeq}. ${o.itemLabel}`}</Descriptions.Item>
            <Descriptions.Item label="姓名">{o.name}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{o.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="电子邮箱">{o.email ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="单位">{o.organization ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatChineseDateTime(new Date(o.createdAt))}</Descriptions.Item>
            <Descriptions.Item label="异议理由">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="objection-grounds">
                {o.grounds}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="证明材料">
              {o.files.length === 0
                ? '无'
                : o.files.map((f) => (
                    <div key={f.id}>
                      <a href={`/api/files/${f.id}?download=1`}>{f.originalName}</a>（{Math.ceil(f.size / 1024)} KB）
                    </div>
                  ))}
            </Descriptions.Item>
            <Descriptions.Item label="状态">{OBJECTION_STATUS_LABELS[o.status]}</Descriptions.Item>
            {o.notAcceptedReason && <Descriptions.Item label="不予受理理由">{o.notAcceptedReason}</Descriptions.Item>}
            {o.conclusion && <Descriptions.Item label="结论">{OBJECTION_OUTCOME_LABELS[o.conclusion]}</Descriptions.Item>}
            {o.effect && <Descriptions.Item label="处理结果">{OBJECTION_EFFECT_LABELS[o.effect]}</Descriptions.Item>}
            {o.reply && <Descriptions.Item label="答复">{o.reply}</Descriptions.Item>}
          </Descriptions>
          <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
            {allowed.has('accept') && (
              <Button type="primary" onClick={() => act({ action: 'accept' })} loading={handle.isPending} data-testid="objection-accept">
                受理
              </Button>
            )}
            {allowed.has('decline') && (
              <Space.Compact style={{ width: '100%' }}>
                <Input placeholder="不予受理的理由" value={reason} onChange={(e) => setReason(e.target.value)} />
                <Button danger disabled={!reason.trim()} onClick={confirmDecline} data-testid="objection-decline">
                  不予受理
                </Button>
              </Space.Compact>
            )}
            {allowed.has('investigate') && (
              <Button onClick={() => act({ action: 'investigate' })} data-testid="objection-investigate">
                开始调查核实
              </Button>
            )}
            {allowed.has('conclude') && (
              <div data-testid="objection-conclude-form">
                <Radio.Group
                  value={outcome}
                  onChange={(e) => setOutcome(e.target.value as ObjectionOutcome)}
                  options={[
                    { value: 'upheld', label: '异议成立' },
                    { value: 'rejected', label: '异议不成立' },
                  ]}
                  data-testid="objection-outcome"
                />
                <Radio.Group
                  style={{ display: 'block', margin: '8px 0' }}
                  value={effect}
                  onChange={(e) => setEffect(e.target.value as ObjectionEffect)}
                  options={[
                    { value: 'withdrawn', label: '撤销该职业（工种）' },
                    { value: 'kept', label: '保留该职业（工种）' },
                  ]}
                  data-testid="objection-effect"
                />
                <Input.TextArea rows={3} placeholder="给异议人的答复" value={reply} onChange={(e) => setReply(e.target.value)} data-testid="objection-reply" />
                {(!outcome || !effect) && (
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                    请先选择异议是否成立，以及保留或撤销该职业（工种）
                  </Typography.Paragraph>
                )}
                <Button type="primary" style={{ marginTop: 8 }} disabled={!outcome || !effect} onClick={confirmConclude} data-testid="objection-conclude">
                  办结…
                </Button>
              </div>
            )}
          </Space>
        </>
      )}
    </Drawer>
  );
}
