/**
 * Chinese names of the fields of requests, by property name, so that a validation message names the field as people
 * know it ("字段“理由”…", not "字段“reason”…"). A use case may pass labels of its own (e.g. the names of criteria),
 * which take precedence.
 */
export const FIELD_LABELS: Record<string, string> = {
  action: '操作',
  active: '在库',
  actor: '操作人',
  available: '本次参加',
  baseVersionId: '基础版本',
  body: '正文',
  campaignId: '征集活动',
  confirmPastDeadline: '确认将截止日期改到过去',
  candidateId: '候选职业',
  candidateIds: '候选职业',
  candidates: '候选职业',
  cap: '评审上限',
  code: '编码',
  comment: '评审意见',
  conclusion: '结论',
  conditionsText: '申报条件',
  contactEmail: '联系人电子邮箱',
  contactName: '联系人',
  contactPhone: '联系电话',
  content: '内容',
  creditCode: '统一社会信用代码',
  criteria: '评审指标',
  currentPassword: '当前密码',
  dayOverrides: '日历调整',
  deadline: '截止日期',
  decision: '决定',
  decisions: '核验结论',
  description: '说明',
  disabled: '停用',
  displayName: '姓名',
  docNo: '文号',
  download: '下载方式',
  effect: '处理结果',
  effectiveDate: '生效日期',
  email: '电子邮箱',
  endDate: '结束日期',
  entryId: '目录条目',
  expectedAssessments: '预计评价人次',
  expertId: '专家',
  fillDate: '填表日期',
  format: '文件格式',
  formId: '推荐表',
  from: '开始时间',
  fromIds: '合并的候选职业',
  grounds: '异议理由',
  header: '表头',
  id: '编号',
  industries: '产业类别',
  industryTags: '产业类别',
  inShortageCatalog: '是否列入急需紧缺目录',
  instructions: '填表说明',
  intoId: '合并到的候选职业',
  isDemo: '演示数据',
  issueDate: '发文日期',
  issuer: '发文单位',
  itemId: '职业（工种）',
  jobTypeName: '工种名称',
  kind: '类型',
  limit: '条数',
  minAgreeShare: '同意比例',
  minReviews: '最少评审数',
  minWeightedMean: '最低加权均分',
  mustChangePassword: '须修改密码',
  n: '版本号',
  name: '名称',
  newPassword: '新密码',
  note: '备注',
  noticeId: '公示',
  objectType: '对象类型',
  occupationCode: '职业编码',
  occupationName: '职业名称',
  opensAt: '开始时间',
  opinion: '意见',
  order: '排序方向',
  organization: '工作单位',
  outcome: '异议结论',
  overrides: '日历调整',
  page: '页码',
  pageSize: '每页条数',
  panelSize: '专家人数',
  parent: '上级分类',
  password: '密码',
  phone: '电话',
  previewId: '导入预览',
  priority: '优先级',
  q: '搜索内容',
  qualificationItem: '职业资格',
  reason: '理由',
  reasonCode: '原因',
  reasonText: '原因说明',
  reasons: '理由',
  referenceVersions: '基础数据版本',
  reply: '答复',
  requirementsText: '报送要求',
  result: '结果',
  role: '角色',
  rowIndex: '行号',
  rows: '推荐职业（工种）',
  scores: '评分',
  seed: '随机种子',
  sort: '排序',
  source: '来源',
  sourceDocument: '依据文件',
  specialties: '专业领域',
  standardName: '国家职业技能标准名称',
  standardVersion: '标准版本',
  startDate: '开始日期',
  state: '状态',
  status: '状态',
  title: '标题',
  to: '结束时间',
  type: '类型',
  unitId: '推荐单位',
  unitIds: '推荐单位',
  unitName: '推荐单位',
  unitType: '单位类型',
  unread: '未读',
  until: '时限',
  userId: '账号',
  username: '用户名',
  version: '版本号',
  weight: '权重',
  workflowText: '工作流程',
  year: '年度',
};

/**
 * The Chinese name of a field at a path: an exact label for the whole path, else the label of its last named segment,
 * with the position in a list ("推荐职业（工种）第2项的理由"). Unknown names are shown as they are.
 */
export function fieldLabel(path: readonly PropertyKey[], labels: Record<string, string> = {}): string {
  const parts = path.map(String);
  const whole = labels[parts.join('.')];
  if (whole) return whole;
  const nameOf = (key: string) => labels[key] ?? FIELD_LABELS[key] ?? key;
  let lastNamed = -1;
  for (let i = parts.length - 1; i >= 0; i--) {
    if (!/^\d+$/.test(parts[i]!)) {
      lastNamed = i;
      break;
    }
  }
  if (lastNamed < 0) return parts.length > 0 ? `第${String(Number(parts.at(-1)) + 1)}项` : '';
  const leaf = nameOf(parts[lastNamed]!);
  // The nearest list position before the leaf, and the list's own name: rows.2.reason → 推荐职业（工种）第3项的理由.
  const index = parts.slice(0, lastNamed).findLastIndex((p) => /^\d+$/.test(p));
  const trailing = parts.slice(lastNamed + 1).find((p) => /^\d+$/.test(p));
  if (index > 0) return `${nameOf(parts[index - 1]!)}第${String(Number(parts[index]) + 1)}项的${leaf}`;
  if (trailing !== undefined) return `${leaf}第${String(Number(trailing) + 1)}项`;
  return leaf;
}
