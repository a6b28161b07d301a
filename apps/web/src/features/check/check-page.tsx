import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Row, Skeleton, Tag, Timeline } from 'antd';
import { FORM_STATUS_LABELS, auditActionLabel, formatChineseDateTime } from '@zhengji/domain';
import { ApiError, errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCheck, type CheckView } from './check.api.ts';
import { CheckRows, type DraftDecision } from './components/check-rows.tsx';
import { CheckActions } from './components/check-actions.tsx';
import { StartCheckBanner } from './components/start-check-banner.tsx';

const ACTIONS: Record<string, string> = {
  'form.create': '单位开始填报',
  'form.save': '单位保存',
  'form.finalize': '单位定稿',
  'form.unfinalize': '单位撤销定稿',
  'form.uploadScan': '单位上传盖章扫描件',
  'form.rejectScan': '扫描件与定稿不一致，未采用',
  'form.confirmScanCode': '单位输入扫描件校验码（人工核对）',
  'form.submit': '单位提交',
  'form.withdraw': '单位撤回',
  'check.start': '开始核验',
  'check.decide': '核验结论',
  'form.accept': '受理',
  'form.return': '退回',
};

/** How the scan was matched to the submitted version, beside the scan. */
function ScanMatchNote({ match, versionNumber, code }: { match: CheckView['scanMatch']; versionNumber: number; code: string }) {
  if (match === 'matched')
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 8 }}
        data-testid="check-scan-match"
        title={`二维码已匹配：扫描件为第 ${String(versionNumber)} 版定稿（校验码 ${code}）`}
      />
    );
  if (match === 'manual')
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 8 }}
        data-testid="check-scan-match"
        title="人工核对：扫描件的二维码无法识别，单位手工输入了校验码"
        description={`请核对扫描件页面上印有的版本和校验码是否为“第 ${String(versionNumber)} 版、${code}”，并确认加盖了公章。`}
      />
    );
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="check-scan-match"
      title="该版本提交时系统尚未识别二维码，请人工核对扫描件与提交内容是否一致"
    />
  );
}

/**
 * Checking one submitted form: the sealed scan beside the rows, rule findings, verification code, decisions, history.
 * Opening the page only reads; 开始核验 (confirmed) starts the check, and only then are the decision controls enabled.
 */
export function CheckPage() {
  const { formId = '' } = useParams();
  const { message } = App.useApp();
  const check = useCheck(formId);
  const [drafts, setDrafts] = useState<Record<number, DraftDecision>>({});
  const [conflict, setConflict] = useState<string | null>(null);
  useEffect(() => {
    if (!check.data) return;
    setDrafts(Object.fromEntries(check.data.rows.flatMap((r) => (r.decision ? [[r.rowIndex, r.decision]] : []))));
  }, [check.data?.version]); // only a new server version resets the drafts, not every refetch of the same one

  if (check.isError) return <Alert type="error" showIcon message={errorMessage(check.error)} />;
  if (!check.data) return <Skeleton active />;
  const v = check.data;
  const notStarted = v.status === 'submitted' && !v.checkingStartedAt;
  const readOnly = !v.abilities.accept || notStarted;
  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) setConflict(e.message);
    else message.error(errorMessage(e));
  };
  return (
    <>
      <PageHeader
        title={`材料核验：${v.unitName}`}
        description={
          <>
            {v.campaignTitle} · 第{v.versionNumber}版 · 校验码 <Tag color="blue">{v.verificationCode}</Tag> · {FORM_STATUS_LABELS[v.status]}
          </>
        }
        extra={<CheckActions view={v} drafts={drafts} onError={fail} />}
      />
      {notStarted && v.abilities.check && <StartCheckBanner view={v} onError={fail} />}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setConflict(null)}
          style={{ marginBottom: 16 }}
          message={conflict}
          action={
            <Button
              size="small"
              onClick={() => {
                setConflict(null);
                void check.refetch();
              }}
            >
              查看最新结论
            </Button>
          }
        />
      )}
      {v.returnReason && v.status === 'returned' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`已退回：${v.returnReason}`} />}
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Card title="盖章扫描件" size="small" extra={v.scanFileId && <a href={`/api/files/${v.scanFileId}?download=1`}>下载</a>}>
            <ScanMatchNote match={v.scanMatch} versionNumber={v.versionNumber} code={v.verificationCode} />
            {v.scanFileId ? (
              <iframe title="盖章扫描件" src={`/api/files/${v.scanFileId}`} style={{ width: '100%', height: 640, border: 0, background: '#f5f5f5' }} />
            ) : (
              <Alert type="warning" showIcon title="该版本没有扫描件" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card title="推荐表内容（提交版本）" size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="联系人">{v.header.contactName}</Descriptions.Item>
              <Descriptions.Item label="联系方式">{v.header.contactPhone}</Descriptions.Item>
              <Descriptions.Item label="提交时间">{formatChineseDateTime(new Date(v.submittedAt))}</Descriptions.Item>
            </Descriptions>
            <CheckRows view={v} drafts={drafts} readOnly={readOnly} onChange={(i, d) => setDrafts((all) => ({ ...all, [i]: d }))} />
          </Card>
          <Card title="办理记录" size="small">
            <Timeline
              items={v.history.map((h) => ({
                children: `${formatChineseDateTime(new Date(h.at))} ${h.actor ?? ''} ${ACTIONS[h.action] ?? auditActionLabel(h.action)}`,
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
