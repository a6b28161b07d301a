import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Upload, type UploadFile } from 'antd';
import { ImportFieldsSchema, REFERENCE_DATASET_KINDS, REFERENCE_DATASET_LABELS, type ReferenceDatasetKind } from '@zhengji/domain';
import { downloadFile, errorMessage } from '../../../lib/api.ts';
import { DATE_INPUT_FORMATS } from '../../../lib/dates.ts';
import { useMe } from '../../../lib/session.ts';
import { isoDay, maxLengthOf, zodRules } from '../../../lib/zod-rules.ts';
import { useImportReference } from '../reference.api.ts';

const rules = zodRules(ImportFieldsSchema);

interface Values {
  kind: ReferenceDatasetKind;
  name?: string;
  sourceDocument?: string;
  effectiveDate?: { format(f: string): string } | null;
}

/** Upload of a dataset file (JSON, CSV, Excel) → a preview version, then its page with the report. */
export function ImportModal({ open, kind, onClose }: { open: boolean; kind?: ReferenceDatasetKind; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { data: me } = useMe();
  const importing = useImportReference();
  const navigate = useNavigate();
  const selectedKind = Form.useWatch('kind', form) ?? kind;
  const submit = async (v: Values) => {
    const version = await importing.mutateAsync({
      kind: v.kind,
      name: v.name,
      sourceDocument: v.sourceDocument,
      effectiveDate: v.effectiveDate?.format('YYYY-MM-DD'),
      files: files.map((f) => f.originFileObj as File),
      csrfToken: me?.csrfToken ?? '',
    });
    onClose();
    void navigate(`/reference/versions/${version.id}`);
  };
  return (
    <Modal open={open} title="导入参考数据（生成预览）" onCancel={onClose} destroyOnHidden footer={null} width={600}>
      <Form form={form} layout="vertical" initialValues={{ kind }} onFinish={(v) => void submit(v).catch(() => undefined)}>
        <Form.Item name="kind" label="数据集" rules={rules('kind', '数据集', { blank: '选择' })}>
          <Select disabled={kind !== undefined} options={REFERENCE_DATASET_KINDS.map((k) => ({ value: k, label: REFERENCE_DATASET_LABELS[k] }))} />
        </Form.Item>
        <Form.Item
          label="文件"
          required
          extra={
            <>
              JSON（参考数据目录的原始文件）、CSV（UTF-8 或 GBK）或 Excel .xlsx，单个文件不超过 20 MB。
              {selectedKind && (
                <Button type="link" size="small" onClick={() => void downloadFile(`/api/reference/templates/${selectedKind}`, undefined, '导入模板.xlsx')}>
                  下载导入模板
                </Button>
              )}
            </>
          }
        >
          <Upload.Dragger
            multiple={selectedKind === 'occupations'}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
            accept=".json,.csv,.xlsx,.txt"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入文件{selectedKind === 'occupations' ? '（可同时选择新职业公告 JSON）' : ''}</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item name="name" label="版本名称" rules={rules('name', '版本名称')}>
          <Input placeholder="空则按数据集和文件名命名" maxLength={maxLengthOf(ImportFieldsSchema, 'name')} />
        </Form.Item>
        <Form.Item name="sourceDocument" label="依据文件" rules={rules('sourceDocument', '依据文件')}>
          <Input placeholder="如 沪人社职〔2024〕1号" maxLength={maxLengthOf(ImportFieldsSchema, 'sourceDocument')} />
        </Form.Item>
        <Form.Item name="effectiveDate" label="生效日期" rules={rules('effectiveDate', '生效日期', { value: isoDay })}>
          <DatePicker format={DATE_INPUT_FORMATS} />
        </Form.Item>
        {importing.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} message="导入失败" description={errorMessage(importing.error)} />}
        <Button type="primary" htmlType="submit" loading={importing.isPending} disabled={files.length === 0} block>
          上传并生成预览
        </Button>
      </Form>
    </Modal>
  );
}
