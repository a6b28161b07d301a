import type { Actor } from '@zhengji/domain';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import { canForm } from '@zhengji/domain/form/form.policy.ts';

/** The center's menu abilities for /api/me, from the campaign and form policies. */
export function campaignAbilitiesOf(actor: Actor): Record<string, boolean> {
  const manage = canCampaign(actor, 'create');
  const sample = { status: 'open' } as const;
  return {
    'campaign.manage': manage,
    'campaign.roster': manage && canCampaign(actor, 'viewRoster', sample),
    'campaign.statistics': manage && canCampaign(actor, 'viewStatistics', sample),
    'check.run': actor.kind === 'user' && actor.role === 'center' && canForm(actor, 'check', { unitId: '', status: 'submitted' }),
    'pool.manage': manage && canCampaign(actor, 'update', sample),
    'outbox.view': manage,
  };
}
