import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../shared/actor.ts';
import { CAMPAIGN_STATUSES } from '../campaign/campaign.workflow.ts';
import { poolActions } from './pool.actions.ts';

const user = (role: Role): Actor => ({ kind: 'user', userId: `u-${role}`, username: role, role, unitId: null });

describe('poolActions', () => {
  it.each(CAMPAIGN_STATUSES)('the center in %s', (status) => {
    const changeable = status === 'open' || status === 'closed';
    expect(poolActions(user('center'), status).change).toEqual(
      changeable ? { allowed: true, reason: null } : { allowed: false, reason: '专家评估开始后候选职业库不能再生成或调整' },
    );
  });
  it('refuses every other role', () => {
    for (const role of ['admin', 'unit', 'expert', 'auditor'] as const)
      expect(poolActions(user(role), 'closed').change).toEqual({ allowed: false, reason: '您没有执行此操作的权限' });
  });
});
