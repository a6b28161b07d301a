import { useState } from 'react';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { formatChineseDateTime } from '@zhengji/domain';
import { useAcceptForm, useReturnForm, useSaveDecisions, type CheckView, type DecisionInput } from '../check.api.ts';
import { acceptOutcome, checkBlocked } from '../check-outcome.ts';
import type { DraftDecision } from './check-rows.tsx';
import { ReturnModal } from './return-modal.tsx';

interface Props {
  view: CheckView;
  drafts: Record<number, DraftDecision>;
  /** A refused command (409 shown as a conflict banner, others as a message). */
  onError: (e: unknown) => void;
}

/** A disabled button says why in a tooltip. */
function Blockable({ reason, children }: { reason: string | null; children: React.ReactNode }) {
  return reason ? (
    <Tooltip title={reason}>
      <span>{children}</span>
    </Tooltip>
  ) : (
    <>{children}</>
  );
}

/** 保存结论, 退回 and 受理: each disabled with its reason while it cannot succeed; 退回 and 受理 confirm with a summary. */
export function CheckActions({ view: v, drafts, onError }: Props) {
  const { message, modal } = App.useApp();
  const save = useSaveDecisions(v.formId);
  const accept = useAcceptForm(v.formId);
  const ret = useReturnForm(v.formId);
  const [returning, setReturning] = useState(false);
  const decisions: DecisionInput[] = Object.entries(drafts).map(([i, d]) => ({ rowIndex: Number(i), ...d }));
  const blocked = { save: checkBlocked(v, 'save', drafts), accept: checkBlocked(v, 'accept', drafts), return: checkBlocked(v, 'return', drafts) };
  const draftIssue = v.checkingStartedAt && v.status === 'submitted' ? blocked.accept : null;

  const confirmAccept = () => {
    const o = acceptOutcome(v, drafts);
    modal.confirm({
      title: `受理${v.unitName}的推荐表（第${String(v.versionNumber)}版）？`,
      width: 520,
      content: (
        <div data-testid="accept-summary">
          <p>
            共 {v.rows.length} 个职业（工种）：通过 <strong>{o.passed}</strong> 个
            {o.passedByDefault > 0 ? `（其中 ${String(o.passedByDefault)} 个未单独选择结论，按通过处理）` : ''}，不通过 <strong>{o.failed.length}</strong> 个。
          </p>
          {o.failed.length > 0 && (
            <>
              <p>不通过的职业（工种）不进入候选池：</p>
              <ul>
                {o.failed.map((f) => (
                  <li key={f.rowIndex}>
                    第 {f.rowIndex + 1} 行 {f.label}：{f.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>{o.passed > 0 ? '通过的职业（工种）将进入候选池。' : ''}单位将收到站内消息和电子邮件通知。</p>
          <p>
            <strong>受理后不能撤销</strong>，推荐表不能再修改或退回。
          </p>
        </div>
      ),
      okText: '确认受理',
      cancelText: '取消',
      autoFocusButton: 'cancel',
      onOk: () =>
        save
          .mutateAsync({ version: v.version, decisions })
          .then((s) => accept.mutateAsync({ version: s.version }))
          .then(() => {
            message.success('已受理并通知单位');
          }, onError),
    });
  };

  const confirmReturn = (input: { reason: string; until: string }) => {
    modal.confirm({
      title: `退回${v.unitName}的推荐表（第${String(v.versionNumber)}版）？`,
      width: 520,
      content: (
        <div data-testid="return-summary">
          <p>退回理由：{input.reason.trim()}</p>
          <p>重新提交时限：{formatChineseDateTime(new Date(input.until))}前</p>
          <p>单位将收到站内消息和电子邮件通知，须在时限前修改并重新提交。</p>
        </div>
      ),
      okText: '确认退回',
      okButtonProps: { danger: true },
      cancelText: '取消',
      autoFocusButton: 'cancel',
      onOk: () =>
        ret.mutateAsync({ version: v.version, ...input }).then(() => {
          setReturning(false);
          message.success('已退回并通知单位');
        }, onError),
    });
  };

  return (
    <Space wrap>
      {draftIssue && <Typography.Text type="warning">{draftIssue}</Typography.Text>}
      <Blockable reason={blocked.save}>
        <Button
          disabled={!!blocked.save}
          loading={save.isPending && !accept.isPending}
          onClick={() => save.mutateAsync({ version: v.version, decisions }).then(() => message.success('核验结论已保存'), onError)}
        >
          保存结论
        </Button>
      </Blockable>
      <Blockable reason={blocked.return}>
        <Button danger disabled={!!blocked.return} onClick={() => setReturning(true)}>
          退回
        </Button>
      </Blockable>
      <Blockable reason={blocked.accept}>
        <Button type="primary" disabled={!!blocked.accept} loading={accept.isPending} onClick={confirmAccept}>
          受理
        </Button>
      </Blockable>
      <ReturnModal open={returning} loading={ret.isPending} onCancel={() => setReturning(false)} onOk={confirmReturn} />
    </Space>
  );
}
