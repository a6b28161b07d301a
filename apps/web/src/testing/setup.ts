import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Component tests render the real components; only the network (fetch) is replaced, per test, by mockApi().
// antd renders slowly on a busy CI machine: give findBy/waitFor more than the default second.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
