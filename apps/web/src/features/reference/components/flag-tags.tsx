import { Space, Tag } from 'antd';
import type { OccupationFlags } from '@zhengji/domain';

/** The flags of an occupation as tags: skill type, access qualification, Shanghai lists, S/L markers. */
export function FlagTags({ flags }: { flags: OccupationFlags | null }) {
  if (!flags) return null;
  return (
    <Space size={[0, 4]} wrap>
      {flags.isSkillType ? <Tag color="green">技能类</Tag> : <Tag>非技能类</Tag>}
      {flags.isAccessQualification && <Tag color="red">准入类资格</Tag>}
      {flags.inShortageCatalog && <Tag color="orange">急需紧缺</Tag>}
      {flags.alreadyOffered && <Tag color="volcano">本市已开展认定</Tag>}
      {flags.isDigital && <Tag color="blue">S 数字职业</Tag>}
      {flags.isGreen && <Tag color="cyan">L 绿色职业</Tag>}
    </Space>
  );
}
