import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

/** 403: the person is logged in but may not open this page. */
export function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle="抱歉，您没有访问此页面的权限。如需开通，请联系系统管理员。"
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
