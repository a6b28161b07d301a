import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

/** 404: no page at this address. */
export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle="抱歉，您访问的页面不存在，请检查网址是否正确。"
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
