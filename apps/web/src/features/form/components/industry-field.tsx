import { useState } from 'react';
import { Button, Select, Typography } from 'antd';
import { suggestIndustryTags } from '@zhengji/domain';

interface Props {
  value: readonly string[];
  tags: readonly string[];
  status?: 'error' | 'warning';
  disabled?: boolean;
  label: string;
  onChange: (industries: string[]) => void;
}

/** The tags of the campaign a typed industry probably means, for each typed text that is not a tag. */
export function industrySuggestions(value: readonly string[], tags: readonly string[]): { typed: string; tag: string }[] {
  const out: { typed: string; tag: string }[] = [];
  for (const typed of value) {
    if (tags.includes(typed)) continue;
    const [tag] = suggestIndustryTags(typed, tags).filter((t) => !value.includes(t));
    if (tag) out.push({ typed, tag });
  }
  return out;
}

/**
 * 产业类别: the campaign's tags or free text (several, separated by 、). A free text that nearly matches a tag
 * (养老 → 养老护理) is offered the tag beneath; the unit accepts it with one click or keeps its own text.
 */
export function IndustryField({ value, tags, status, disabled, label, onChange }: Props) {
  const [kept, setKept] = useState<readonly string[]>([]);
  const offers = industrySuggestions(value, tags).filter((s) => !kept.includes(s.typed));
  const accept = (typed: string, tag: string) => onChange([...new Set(value.map((v) => (v === typed ? tag : v)))]);
  return (
    <>
      <Select
        mode="tags"
        value={[...value]}
        placeholder="选择或输入产业"
        status={status}
        disabled={disabled}
        style={{ width: '100%' }}
        options={tags.map((t) => ({ value: t, label: t }))}
        tokenSeparators={['、', ',', '，']}
        placement="bottomLeft"
        onChange={(v: string[]) => onChange(v)}
        aria-label={label}
      />
      {!disabled &&
        offers.map(({ typed, tag }) => (
          <div key={typed} className="zj-industry-offer" data-testid="industry-suggestion">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              “{typed}”是否指产业标签“{tag}”？
            </Typography.Text>
            <Button size="small" type="link" onClick={() => accept(typed, tag)} aria-label={`将“${typed}”改为“${tag}”`}>
              改为“{tag}”
            </Button>
            <Button size="small" type="text" onClick={() => setKept((k) => [...k, typed])} aria-label={`保留“${typed}”`}>
              保留
            </Button>
          </div>
        ))}
    </>
  );
}
