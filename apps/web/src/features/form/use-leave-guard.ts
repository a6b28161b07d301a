import { useContext, useEffect } from 'react';
import { UNSAFE_NavigationContext } from 'react-router-dom';
import { App } from 'antd';

/**
 * Warns before leaving with unsaved changes: the browser's prompt on reload/close (beforeunload), and a confirmation
 * on in-app navigation. The app uses <BrowserRouter> (no data router, so no useBlocker): the navigator's push and
 * replace are wrapped while there are unsaved changes.
 */
export function useLeaveGuard(when: boolean, message = '推荐表还有未保存的修改，离开后这些修改会丢失。确定离开吗？') {
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const { modal } = App.useApp();
  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = message;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const nav = navigator as { push: (...a: unknown[]) => void; replace: (...a: unknown[]) => void };
    const { push, replace } = nav;
    const guard =
      (go: (...a: unknown[]) => void) =>
      (...args: unknown[]) => {
        modal.confirm({ title: '离开此页？', content: message, okText: '离开', cancelText: '留在此页', onOk: () => go.apply(nav, args) });
      };
    nav.push = guard(push);
    nav.replace = guard(replace);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      nav.push = push;
      nav.replace = replace;
    };
  }, [when, navigator, modal, message]);
}
