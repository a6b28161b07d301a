import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { MENU_GROUPS, type AppRoute } from '../route-registry.tsx';

type Item = Required<MenuProps>['items'][number];

/** The registry route that owns a pathname: the longest matching path prefix. */
export function activeRoute(routes: AppRoute[], pathname: string): AppRoute | undefined {
  const matches = routes.filter((r) => (r.path === '/' ? pathname === '/' : pathname === r.path || pathname.startsWith(`${r.path}/`)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0];
}

function buildItems(routes: AppRoute[]): Item[] {
  const shown = routes.filter((r) => !r.hideInMenu && !r.path.includes(':'));
  const toItem = (r: AppRoute): Item => ({ key: r.path, icon: r.icon, label: r.label });
  const items: Item[] = shown.filter((r) => !r.group).map(toItem);
  for (const group of MENU_GROUPS) {
    const children = shown.filter((r) => r.group === group).map(toItem);
    if (children.length > 0) items.push({ type: 'group', key: `group:${group}`, label: group, children });
  }
  return items;
}

/** The side menu: the routes this person may open, grouped by section. */
export function SideMenu({ routes }: { routes: AppRoute[] }) {
  const location = useLocation();
  const navigate = useNavigate();
  const selected = activeRoute(routes, location.pathname);
  return (
    <Menu
      mode="inline"
      aria-label="主菜单"
      selectedKeys={selected ? [selected.path] : []}
      items={buildItems(routes)}
      onClick={({ key }) => void navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
