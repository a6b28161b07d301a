import { useEffect, useRef, useState } from 'react';
import { CheckCircleOutlined, FilePdfOutlined, FileWordOutlined, LockOutlined, UnlockOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Space, Steps, Tag, Tooltip, Typography, Upload } from 'antd';
import { SCAN_MATCH_KIND_LABELS, formatChineseDateTime, type ScanMatch } from '@zhengji/domain';
import { errorMessage } from '../../../lib/api.ts';
import { confirmScanCode, uploadScan, useFinalizeForm, useUnfinalizeForm, type FormView } from '../form.api.ts';
import { downloadFormDocument } from '../form-documents.api.ts';
import { ScanViewer } from './scan-viewer.tsx';

const MAX_BYTES = 20 * 1024 * 1024;

interface SealPanelProps {
  form: FormView;
  /** Saves pending edits and answers the form version to finalize from. */
  prepare: () => Promise<number>;
  /** Whether the editor has unsaved edits or errors that block 定稿 (the reason), or null. */
  finalizeBlocker: string | null;
  onForm: (view: FormView) => void;
}

function MatchAlert({ match }: { match: ScanMatch }) {
  const box = useRef<HTMLDivElement>(null);
  // The answer to an upload is the next thing the unit must read: bring it into view.
  // A block body: scrollIntoView returns a promise in current Chromium, which React would take for a cleanup function.
  useEffect(() => {
    void box.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [match]);
  const type = match.status === 'matched' ? 'success' : match.status === 'mismatch' ? 'error' : 'warning';
  const title = match.status === 'matched' ? '扫描件与定稿一致' : match.status === 'mismatch' ? '扫描件与当前定稿不一致，未被采用' : '未能识别扫描件上的二维码';
  return (
    <div ref={box}>
      <Alert type={type} showIcon title={title} description={match.message} data-testid="scan-match" role={match.status === 'matched' ? 'status' : 'alert'} />
    </div>
  );
}

/**
 * The 定稿 → print → seal → scan → submit loop: freeze the content as a numbered version, download its print copy (QR
 * code on every page), upload the sealed scan (its QR code is read and matched), or type the code when it cannot be read.
 */
export function SealPanel({ form, prepare, finalizeBlocker, onForm }: SealPanelProps) {
  const { modal, message } = App.useApp();
  const finalize = useFinalizeForm();
  const unfinalize = useUnfinalizeForm();
  const [match, setMatch] = useState<ScanMatch | null>(null);
  const [uploading, setUploading] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [viewing, setViewing] = useState(false);
  const fin = form.finalized;
  const open = form.status === 'draft' || form.status === 'returned';
  if (!open) return null;

  const onFinalize = () =>
    modal.confirm({
      title: '定稿推荐表？',
      content: `将把当前 ${String(form.rows.length)} 个职业（工种）冻结为新的定稿版本，生成带二维码和校验码的打印件。定稿后内容不能修改；如需修改，可“撤销定稿”（已打印、盖章的定稿随之作废）。`,
      okText: '定稿',
      cancelText: '取消',
      onOk: async () => {
        try {
          const version = await prepare();
          const view = await finalize.mutateAsync({ id: form.id, version });
          onForm(view);
          setMatch(null);
          message.success(`已定稿第 ${String(view.finalized?.versionNo ?? '')} 版，请下载打印并加盖公章`);
        } catch (e) {
          modal.error({ title: '未能定稿', content: errorMessage(e) });
        }
      },
    });
  const onUnfinalize = () =>
    modal.confirm({
      title: `撤销第 ${String(fin?.versionNo ?? '')} 版定稿？`,
      content: '撤销后内容可以再修改，已打印、盖章的该版定稿及已上传的扫描件作废；修改后须重新定稿、打印、盖章、扫描上传。',
      okText: '撤销定稿',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          onForm(await unfinalize.mutateAsync({ id: form.id, version: form.version }));
          setMatch(null);
        } catch (e) {
          modal.error({ title: '未能撤销定稿', content: errorMessage(e) });
        }
      },
    });
  const onUpload = (file: File) => {
    setUploading(true);
    setMatch(null);
    uploadScan(form.id, file)
      .then((result) => {
        setMatch(result.match);
        onForm(result.form);
      })
      .catch((e: unknown) => setMatch({ status: 'mismatch', versionNo: null, verificationCode: null, message: errorMessage(e) }))
      .finally(() => setUploading(false));
  };
  const onCode = () => {
    setCodeError(null);
    confirmScanCode(form.id, code)
      .then((result) => {
        setMatch(result.match);
        onForm(result.form);
        setCode('');
      })
      .catch((e: unknown) => setCodeError(errorMessage(e)));
  };

  const step = !fin ? 0 : !form.scan ? 1 : 2;
  const canFinalize = form.abilities.finalize && finalizeBlocker === null;
  return (
    <Flex vertical gap={12}>
      <Steps
        size="small"
        current={step}
        items={[
          { title: '定稿', content: '冻结内容，生成打印件' },
          { title: '打印、盖章、扫描上传', content: '系统识别二维码核对版本' },
          { title: '提交', content: '提交定稿和扫描件' },
        ]}
      />
      {!fin ? (
        <Space wrap>
          <Tooltip title={finalizeBlocker ?? undefined}>
            <Button type="primary" icon={<LockOutlined />} disabled={!canFinalize} loading={finalize.isPending} onClick={onFinalize} data-testid="finalize">
              定稿
            </Button>
          </Tooltip>
          <Typography.Text type={finalizeBlocker ? 'danger' : 'secondary'}>
            {finalizeBlocker ?? '内容填写完整、没有错误后定稿；定稿版本带二维码和校验码，打印后加盖公章。'}
          </Typography.Text>
        </Space>
      ) : (
        <Space wrap>
          <Tag color="blue" icon={<LockOutlined />} data-testid="finalized-tag">
            已定稿第 {fin.versionNo} 版 · 校验码 {fin.verificationCode}
          </Tag>
          <Typography.Text type="secondary">{formatChineseDateTime(new Date(fin.finalizedAt))} 定稿</Typography.Text>
          <Button
            icon={<FilePdfOutlined />}
            onClick={() => void downloadFormDocument(form.id, 'pdf', fin.versionNo).catch((e: unknown) => message.error(errorMessage(e)))}
            data-testid="download-final-pdf"
          >
            下载定稿 PDF（打印用）
          </Button>
          <Button
            icon={<FileWordOutlined />}
            onClick={() => void downloadFormDocument(form.id, 'docx', fin.versionNo).catch((e: unknown) => message.error(errorMessage(e)))}
          >
            下载定稿 Word
          </Button>
          {form.abilities.unfinalize && (
            <Button icon={<UnlockOutlined />} onClick={onUnfinalize} loading={unfinalize.isPending} data-testid="unfinalize">
              撤销定稿
            </Button>
          )}
        </Space>
      )}
      {fin && (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">
            打印第 {fin.versionNo} 版定稿、加盖单位公章（请勿遮挡右上角的二维码）后扫描上传：PDF、JPEG 或 PNG，不超过 20
            MB。系统读取二维码，核对是否为本表的当前定稿。
          </Typography.Text>
          <Space wrap>
            {form.abilities.uploadScan && (
              <Upload
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                showUploadList={false}
                beforeUpload={(file) => {
                  const problem =
                    file.size > MAX_BYTES
                      ? `文件“${file.name}”超过 20 MB，请降低扫描分辨率（如 200 dpi、灰度）后重新上传`
                      : file.size === 0
                        ? `文件“${file.name}”是空文件，请重新选择扫描件上传`
                        : null;
                  if (problem) setMatch({ status: 'mismatch', versionNo: null, verificationCode: null, message: problem });
                  else onUpload(file);
                  return Upload.LIST_IGNORE;
                }}
              >
                <Button icon={<UploadOutlined />} loading={uploading} data-testid="upload-scan">
                  {form.scan ? '重新上传扫描件' : '上传盖章扫描件'}
                </Button>
              </Upload>
            )}
            {form.scan && (
              <>
                <Tag color={form.scanMatch === 'manual' ? 'orange' : 'green'} icon={<CheckCircleOutlined />} data-testid="scan-match-tag">
                  {form.scanMatch ? SCAN_MATCH_KIND_LABELS[form.scanMatch] : '已上传'}
                </Tag>
                <Button onClick={() => setViewing(true)}>查看扫描件</Button>
                <Typography.Text data-testid="scan-name">{form.scan.originalName}</Typography.Text>
              </>
            )}
          </Space>
          {match && <MatchAlert match={match} />}
          {form.pendingScan && !form.scan && (
            <Flex vertical gap={6} data-testid="typed-code">
              <Typography.Text>
                扫描件“{form.pendingScan.originalName}”的二维码无法识别。可重新上传清晰的扫描件，或输入扫描件页面上印有的 8
                位校验码（将标记为“人工核对”，由市职鉴中心核对）：
              </Typography.Text>
              <Space.Compact style={{ maxWidth: 360 }}>
                <Input
                  aria-label="扫描件上的校验码"
                  placeholder="如 AB12CD34"
                  maxLength={16}
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  onPressEnter={onCode}
                />
                <Button onClick={onCode} disabled={code.trim() === ''}>
                  确认校验码
                </Button>
              </Space.Compact>
              {codeError && <Alert type="error" showIcon title={codeError} />}
            </Flex>
          )}
        </Flex>
      )}
      {form.scan && <ScanViewer file={form.scan} open={viewing} onClose={() => setViewing(false)} />}
    </Flex>
  );
}
