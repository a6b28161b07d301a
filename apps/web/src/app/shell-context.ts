import { useOutletContext } from 'react-router-dom';
import type { Me } from '@zhengji/domain';
import type { AppRoute } from './route-registry.tsx';

/** What the layout hands to the pages of the shell. */
export interface ShellContext {
  me: Me;
  /** The registry routes this person may open, in menu order. */
  routes: AppRoute[];
}

/** The shell context, for pages of src/app (features read the user with useMe from lib/session). */
export function useShell(): ShellContext {
  return useOutletContext<ShellContext>();
}
