import { Alert, App, Button } from 'antd';
import { useStartCheck, type CheckView } from '../check.api.ts';

/**
 * Shown while a submitted form is only being looked at: 开始核验 is an explicit, confirmed step, because from then
 * on the unit can no longer withdraw the form; until then the decision controls stay disabled.
 */
export function StartCheckBanner({ view: v, onError }: { view: CheckView; onError: (e: unknown) => void }) {
  const { message, modal } = App.useApp();
  const start = useStartCheck(v.formId);
  const confirmStart = () =>
    modal.confirm({
      title: '开始核验这份推荐表？',
      content: `开始核验后，${v.unitName}不能再撤回第${String(v.versionNumber)}版推荐表自行修改；如需修改，只能由市职鉴中心退回。此操作不能撤销。`,
      okText: '开始核验',
      cancelText: '取消',
      autoFocusButton: 'cancel',
      onOk: () =>
        start.mutateAsync().then(() => {
          message.success('已开始核验，单位不能再撤回');
        }, onError),
    });
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="尚未开始核验"
      description="目前只是查看：单位仍可撤回推荐表。点击“开始核验”后方可逐行填写结论、受理或退回，单位从此不能再撤回。"
      action={
        <Button type="primary" loading={start.isPending} onClick={confirmStart}>
          开始核验
        </Button>
      }
    />
  );
}
