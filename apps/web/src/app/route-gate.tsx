import { useEffect } from 'react';
import type { AppRoute } from './route-registry.tsx';
import { useShell } from './shell-context.ts';
import { ForbiddenPage } from './pages/forbidden-page.tsx';

const SYSTEM_NAME = '征集 · 社会化职业技能等级认定职业（工种）征集系统';

/** Shows a registry page when the person may see it, the 403 page otherwise; sets the document title. */
export function RouteGate({ route }: { route: AppRoute }) {
  const { me } = useShell();
  const allowed = route.visible(me);
  useEffect(() => {
    document.title = allowed ? `${route.label} · ${SYSTEM_NAME}` : SYSTEM_NAME;
  }, [allowed, route.label]);
  return allowed ? <>{route.element}</> : <ForbiddenPage />;
}
