import { useEffect, useRef, useState } from 'react';
import { Select, Space, Spin, Tag, Typography } from 'antd';
import type { ReferenceSearchResult } from '@zhengji/domain';
import { searchOccupations } from '../form.api.ts';

const optionValue = (h: ReferenceSearchResult) => `${h.code}|${h.matchedJobType ?? ''}`;

function Flags({ hit }: { hit: ReferenceSearchResult }) {
  const f = hit.flags;
  return (
    <>
      {!f.isSkillType && <Tag color="red">非技能类</Tag>}
      {f.isAccessQualification && <Tag color="red">准入类</Tag>}
      {f.alreadyOffered && <Tag color="orange">本市已开展</Tag>}
      {f.inShortageCatalog && <Tag color="green">急需紧缺</Tag>}
      {hit.standards.length === 0 && <Tag color="orange">无国家标准</Tag>}
    </>
  );
}

/** Remote search of the occupation dictionary (code, name, pinyin); picking a result fills the row. */
export function OccupationSearchSelect({
  campaignId,
  value,
  onPick,
  disabled,
  autoFocus,
  placeholder = '输入职业编码、名称或拼音搜索',
  id,
  status,
  ariaLabel = '职业编码',
}: {
  campaignId: string;
  value?: string;
  onPick: (hit: ReferenceSearchResult) => void;
  disabled?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  id?: string;
  status?: 'error' | 'warning';
  ariaLabel?: string;
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ReferenceSearchResult[]>([]);
  const [loading, setLoading] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      return;
    }
    const t = setTimeout(() => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setLoading(true);
      searchOccupations(q, campaignId, c.signal)
        .then((r) => setHits(r))
        .catch(() => undefined)
        .finally(() => setLoading(false));
    }, 250);
    return () => clearTimeout(t);
  }, [query, campaignId]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      // Controlled even when empty: the 添加 box shows its placeholder again after each pick.
      value={value || null}
      placeholder={placeholder}
      disabled={disabled}
      autoFocus={autoFocus}
      style={{ width: '100%' }}
      status={status}
      // Wide enough for code, name and flags; on a phone as wide as the box, so that it stays on the screen.
      popupMatchSelectWidth={window.innerWidth < 640 ? true : 520}
      placement="bottomLeft"
      notFoundContent={loading ? <Spin size="small" /> : query.trim() ? '没有找到匹配的职业（工种）' : '请输入编码、名称或拼音'}
      onSelect={(v: string) => {
        const hit = hits.find((h) => optionValue(h) === v);
        if (hit) onPick(hit);
        setQuery('');
      }}
      options={hits.map((h) => ({
        value: optionValue(h),
        label: (
          <Space size={4} wrap>
            <Typography.Text code>{h.code}</Typography.Text>
            <span>{h.name}</span>
            {h.matchedJobType && <Typography.Text type="secondary">工种：{h.matchedJobType}</Typography.Text>}
            <Flags hit={h} />
          </Space>
        ),
      }))}
      // Only with a value: a label renderer without one hides the placeholder of the empty 添加 box.
      labelRender={value ? () => <span>{value}</span> : undefined}
      aria-label={ariaLabel}
    />
  );
}
