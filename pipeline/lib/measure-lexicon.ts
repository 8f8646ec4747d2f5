import type { Instrument, MeasureCategory } from '../../schemas/fields.js';

/**
 * The prior lexicon of the measure classifiers: the words of ANNOTATION.md's own definitions of each category
 * and policy instrument, with the guide's English glosses put into the Chinese a reply would use
 * (meetings → 会议, staffing → 编制, equipment → 设备 …). Nothing here is taken from a seed document, so the
 * lexicon is the same in every leave-one-document-out fold and carries categories the training documents lack.
 * A hit counts by the term's length (measure-features.ts): 职业教育 says more than 课堂. teaching_quality gives the
 * guide's words in their compounds (教学管理, 课程体系) since bare 教学 and 课程 belong to every category's business.
 */

export const CATEGORY_LEXICON: Readonly<Record<MeasureCategory, readonly string[]>> = {
  // 减负 for teachers, meetings, inspections, non-teaching tasks
  teacher_workload: ['教师减负', '为教师减负', '减轻教师', '教师负担', '会议', '开会', '检查', '督查检查', '评比', '非教学', '社会事务', '进校园', '发文', '报表', '非教学任务'],
  // recruitment, staffing, 编制, 县管校聘, exchange, training, pay and care
  teacher_workforce: ['招聘', '招录', '编制', '县管校聘', '交流', '轮岗', '教师培训', '培训', '进修', '工资', '待遇', '补助', '关爱', '关心', '师资', '教师队伍', '骨干教师', '名师', '职称'],
  // 作业 management
  homework: ['作业'],
  // 课后服务, 托管, 延时服务
  after_school: ['课后服务', '托管', '延时服务', '课后'],
  // 校外培训 governance
  off_campus_training: ['校外培训', '培训机构', '学科类培训', '违规培训'],
  // classroom teaching, curriculum, teaching management, 教研
  teaching_quality: ['课堂', '课堂教学', '课程体系', '课程标准', '国家课程', '教学管理', '教学方式', '教学改革', '教研', '备课', '教学质量'],
  // 督导, inspection, assessment, accountability, evaluation reform
  supervision: ['督导', '督学', '督查', '考核', '评估', '问责', '评价', '评价改革', '考评'],
  // 经费, subsidies, fees, investment
  funding: ['经费', '补贴', '补助', '收费', '费用', '投入', '资金', '预算', '财政', '拨付'],
  // buildings, equipment, informatization, networks, platforms
  facilities: ['校舍', '设施', '设备', '信息化', '网络', '平台', '智慧校园', '教室', '装备'],
  // 心理健康
  mental_health: ['心理健康', '心理', '心理辅导', '心理咨询'],
  // 家校社, family education, parents
  family_school: ['家校社', '家校', '家庭教育', '家长', '家委会', '家长学校', '家访'],
  // 布局调整, 集团化办学, resource allocation, 撤并
  school_layout: ['布局调整', '布局', '集团化办学', '教育集团', '资源配置', '撤并', '合并', '均衡'],
  // 党建, 思政, 意识形态, 师德师风
  party_ideology: ['党建', '党的建设', '思政', '意识形态', '师德师风', '师德', '党组织', '从严治党'],
  // 职业教育
  vocational: ['职业教育', '职业学校', '中等职业', '职教', '中职', '高职'],
  // 德育, 体育, 美育, 劳动教育, clubs and interest activities
  whole_person: ['德育', '体育', '美育', '劳动教育', '社团', '兴趣', '艺术', '特长'],
  other: [],
};

export const INSTRUMENT_LEXICON: Readonly<Record<Instrument, readonly string[]>> = {
  // people, money, facilities, information and technology put in
  supply: ['配备', '人员', '师资', '经费', '资金', '投入', '补贴', '设施', '设备', '建设', '新建', '信息', '技术', '平台', '培训', '提供', '保障'],
  // goals, plans, rules, regulation, supervision, organisation
  environment: ['目标', '规划', '计划', '方案', '制度', '规定', '规范', '监管', '监督', '督导', '检查', '组织', '机制', '管理', '标准', '严禁', '不得'],
  // government purchase, outsourcing, pilots, demonstrations, bringing in outside providers
  demand: ['购买服务', '政府购买', '外包', '试点', '示范', '引进', '引入', '社会力量', '第三方', '社会资源', '委托'],
};
