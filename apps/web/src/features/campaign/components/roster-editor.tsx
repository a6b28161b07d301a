import { useEffect, useState } from 'react';
import { App, Button, Space, Transfer } from 'antd';
import { UNIT_TYPE_LABELS } from '@zhengji/domain';
import { errorMessage } from '../../../lib/api.ts';
import { useAllUnits, useRoster, useSetRoster, type Campaign } from '../campaign.api.ts';

/** Chooses the units expected to recommend (the roster). */
export function RosterEditor({ campaign }: { campaign: Campaign }) {
  const { message } = App.useApp();
  const units = useAllUnits();
  const roster = useRoster(campaign.id, {});
  const save = useSetRoster(campaign.id);
  const [target, setTarget] = useState<string[]>([]);
  useEffect(() => setTarget((roster.data?.entries ?? []).map((e) => e.unitId)), [roster.data]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Transfer
        dataSource={(units.data ?? []).map((u) => ({ key: u.id, title: `${u.name}（${UNIT_TYPE_LABELS[u.type]}）` }))}
        targetKeys={target}
        onChange={(keys) => setTarget(keys.map(String))}
        render={(item) => item.title}
        titles={['全部单位', '应报单位']}
        showSearch
        listStyle={{ width: 380, height: 420 }}
      />
      <Button
        type="primary"
        disabled={!campaign.abilities.update}
        loading={save.isPending}
        onClick={async () => {
          try {
            await save.mutateAsync(target);
            message.success(`名单已保存（${String(target.length)} 个单位）`);
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        保存名单
      </Button>
    </Space>
  );
}
