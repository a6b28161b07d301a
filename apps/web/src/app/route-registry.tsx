import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Spin } from 'antd';
import type { Me, Role } from '@zhengji/domain';
import type { MeAbility } from '@zhengji/domain/auth/me-abilities.ts';

/** Sections of the side menu, in display order. A route without a group sits at the top. */
export const MENU_GROUPS = ['征集管理', '基础数据', '专家评估', '公示发布', '系统管理', '安全审计'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** One page of the app shell: where it lives, how the menu shows it, who sees it. */
export interface AppRoute {
  /** Absolute path under the shell, e.g. '/admin/users'; may contain params (then set hideInMenu). */
  path: string;
  /** Menu text and document title, in Chinese. */
  label: string;
  icon?: ReactNode;
  element: ReactNode;
  /** Whether this person may open the page; decided from the server's abilities/role, never re-derived. */
  visible: (me: Me) => boolean;
  group?: MenuGroup;
  /** Detail pages reachable only by links. */
  hideInMenu?: boolean;
}

/** Visible when the server grants the ability in Me.abilities. */
export const can =
  (...abilities: MeAbility[]) =>
  (me: Me): boolean =>
    abilities.some((a) => me.abilities[a] === true);

/** Visible to the listed roles (for pages that are a role's own workspace, e.g. a unit's form). */
export const roles =
  (...list: Role[]) =>
  (me: Me): boolean =>
    list.includes(me.role);

/** Visible to every logged-in person. */
export const everyone = (): boolean => true;

const fallback = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin />
  </div>
);

/**
 * A page loaded on demand, so each feature is its own chunk:
 * `element: lazyPage(() => import('../features/user/user-list-page.tsx'), 'UserListPage')`.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K): ReactNode {
  const Page: ComponentType = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={fallback}>
      <Page />
    </Suspense>
  );
}
