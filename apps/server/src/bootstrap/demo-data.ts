import { creditCodeCheckChar, DEFAULT_INDUSTRY_TAGS } from '@zhengji/domain';

/** Shanghai's 16 districts with their administrative division codes. */
export const DISTRICTS: [string, string][] = [
  ['黄浦', '310101'],
  ['徐汇', '310104'],
  ['长宁', '310105'],
  ['静安', '310106'],
  ['普陀', '310107'],
  ['虹口', '310109'],
  ['杨浦', '310110'],
  ['闵行', '310112'],
  ['宝山', '310113'],
  ['嘉定', '310114'],
  ['浦东新区', '310115'],
  ['金山', '310116'],
  ['松江', '310117'],
  ['青浦', '310118'],
  ['奉贤', '310120'],
  ['崇明', '310151'],
];

/** Industry authorities recommending in the demo. */
export const INDUSTRY_AUTHORITIES = [
  '市经济信息化委',
  '市卫生健康委',
  '市民政局',
  '市商务委',
  '市交通委',
  '市住房城乡建设管理委',
  '市农业农村委',
  '市文化旅游局',
  '市科委',
  '市国资委',
];

/** A demo unified social credit code (valid check character) built from a division code and a sequence number. */
export function demoCreditCode(division: string, seq: number): string {
  const first17 = `11${division}MB${String(seq).padStart(7, '0')}`.slice(0, 17);
  return first17 + (creditCodeCheckChar(first17) ?? '0');
}

/** District unit name. */
export const districtUnitName = (d: string) => (d === '浦东新区' ? '浦东新区人力资源和社会保障局' : `${d}区人力资源和社会保障局`);

/** The 2024 notice (沪人社职〔2024〕319号) as campaign fields. */
export const NOTICE_2024 = {
  year: 2024,
  title: '2024年社会化职业技能等级认定职业（工种）征集',
  docNo: '沪人社职〔2024〕319号',
  issuer: '上海市人力资源和社会保障局',
  issueDate: '2024-09-25',
  contactName: '市职鉴中心',
  contactPhone: '021-00000000',
  contactEmail: 'zhengji@example.com',
  conditionsText: [
    '（一）申报范围为现行《中华人民共和国职业分类大典》收录的技能类职业（工种）以及后续人社部发布的技能类新职业（工种），且须已颁布相应的国家职业标准。准入类职业资格或已在本市开展社会化职业技能等级认定的职业（工种），不纳入申报范围。',
    '（二）申报方向应聚集国家重大战略、重大工程，结合本市现代化产业体系建设对技能人才的需求，向“3+6”重点产业、急需紧缺行业、民生保障领域以及新经济、新业态领域倾斜。',
    '（三）申报的职业（工种）应具备社会通用性强、专业性强等特点，适合由社会培训评价组织面向社会开展市场化、社会化、专业化职业技能等级认定。',
    '（四）未来三年内有较大的技能评价需求。',
  ].join('\n'),
  workflowText: [
    '（一）征集推荐。各行业主管部门、各区人社部门作为推荐主体，负责结合经济社会发展趋势、产业发展规划、技能人才培养目标等，统筹做好本行业、区域发展所需职业（工种）的梳理汇总工作，归口向上海市职业技能鉴定中心推荐。',
    '（二）专家评估。市职鉴中心受市人力资源社会保障局委托，组织专家力量采取材料核验、专家论证等方式，对申报项目进行评估论证，遴选确定社会化职业技能等级认定职业（工种）范围。',
    '（三）公示发布。对通过专家评估的职业（工种），由市职鉴中心在市人力资源社会保障局网站进行公示。经公示无异议后，将面向社会公开征集遴选承担上述职业（工种）职业技能等级认定的社会培训评价组织（有关工作另行通知）。',
  ].join('\n'),
  requirementsText:
    '公开征集社会化职业技能等级认定职业（工种）是做好社会化职业技能评价工作的重要基础，请各行业主管部门、各区人社部门积极支持，踊跃推荐。推荐单位在线填写《社会化职业技能等级认定职业（工种）推荐表》，打印并加盖公章后上传扫描件，在截止日期前提交。',
  instructions: [
    '推荐的职业（工种）请按优先级顺序填写。',
    '职业编码、职业名称、工种：请按《中华人民共和国职业分类大典》（2022年版）规范填写。国家职业标准中职业下未分工种的，按职业进行申报；细分工种的，需申报到工种。',
    '国家职业标准名称、版本号：请登录国家职业技能标准查询系统查询后规范填写。',
    '是否已纳入急需紧缺职业目录：请根据《上海市人力资源和社会保障局关于发布上海市急需紧缺高技能人才职业（工种）目录（2024年）的通知》（沪人社职〔2024〕1号）填写。',
    '产业类别：（1）请按以下产业标签选择填写：“3+6”产业：集成电路、生物医药、人工智能，电子信息、生命健康、汽车、高端装备、先进材料、时尚消费品；两大民生产业：养老护理、家政服务；其他产业：按实填写；（2）每个职业（工种）可按实际情况选填多个产业标签，用“、”隔开。',
    '预计评价人次：请根据本行业或本区域实际需求，预估三年内评价计划。',
    '推荐理由：请简述推荐理由，如：文件依据、行业规划、重要会议、调研摸底等。',
  ],
  industryTags: [...DEFAULT_INDUSTRY_TAGS],
};

/** The demo experts of the pool, each linked to the demo account of that username (expert1–3). */
export const DEMO_EXPERTS = [
  {
    username: 'expert1',
    name: '王专家',
    organization: '上海市职业技能鉴定专家委员会',
    title: '高级考评员',
    specialties: ['养老护理', '家政服务', '生命健康'],
    phone: '021-00000001',
    email: 'expert1@example.com',
  },
  {
    username: 'expert2',
    name: '李专家',
    organization: '上海交通大学',
    title: '教授',
    specialties: ['人工智能', '集成电路', '电子信息'],
    phone: '021-00000002',
    email: 'expert2@example.com',
  },
  {
    username: 'expert3',
    name: '张专家',
    organization: '上海市工业技术研究院',
    title: '高级工程师',
    specialties: ['高端装备', '汽车', '先进材料', '生物医药'],
    phone: '021-00000003',
    email: 'expert3@example.com',
  },
] as const;
