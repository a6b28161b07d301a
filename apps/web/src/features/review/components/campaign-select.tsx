import { useState } from 'react';
import { Select } from 'antd';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '@zhengji/domain';
import { useReviewCampaigns } from '../review.api.ts';

/** The campaign a review page works on (the latest by default) and its selector. */
export function useCampaignChoice() {
  const campaigns = useReviewCampaigns();
  const [chosen, setChosen] = useState<string | undefined>();
  const campaignId = chosen ?? campaigns.data?.[0]?.id;
  const select = (
    <Select
      style={{ width: 320 }}
      placeholder="选择征集活动"
      aria-label="征集活动"
      loading={campaigns.isPending}
      value={campaignId}
      onChange={setChosen}
      options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.title}（${CAMPAIGN_STATUS_LABELS[c.status as CampaignStatus] ?? c.status}）` }))}
    />
  );
  return { campaignId, select, campaigns };
}
