import type { Instrument, MeasureCategory } from '../../schemas/fields.js';

/**
 * The prior lexicon of the measure classifiers: the words of ANNOTATION.md's own definitions of each category
 * and policy instrument, with the guide's English glosses put into the Chinese a reply would use
 * (meetings → 会议, staffing → 编制, equipment → 设备 …). Nothing here is taken from a seed document, so the
 * lexicon is the same in every leave-one-document-out fold and carries categories the training documents lack.
 * Beyond the guide's own words, each category has the general vocabulary of the national policies on its topic
 * (named beside it), never a phrase of a seed reply. The training counts every term as one example of its label.
 * A hit counts by the term's length (measure-features.ts): 职业教育 says more than 课堂. teaching_quality gives the
 * guide's words in their compounds (教学管理, 课程体系) since bare 教学 and 课程 belong to every category's business.
 */

export const CATEGORY_LEXICON: Readonly<Record<MeasureCategory, readonly string[]>> = {
  // 减负 for teachers, meetings, inspections, non-teaching tasks; with the burdens the national guideline on teachers'
  // burden (2019) names: inspections and appraisals, social affairs entering schools, forms and ledgers, secondments
  teacher_workload: [
    '教师减负', '为教师减负', '减轻教师', '教师负担', '会议', '开会', '文山会海', '督查检查', '检查评比', '考核评比', '评比', '填表', '报表',
    '表格', '非教学', '非教学任务', '社会事务', '进校园', '发文', '文件', '台账', '留痕', '抽调', '借调', '借用', '弹性上下班', '弹性工作',
  ],
  // recruitment, staffing, 编制, 县管校聘, exchange, training, pay and care; with the usual terms of teacher policy
  teacher_workforce: [
    '招聘', '招录', '编制', '核编', '县管校聘', '县管校用', '交流', '轮岗', '教师培训', '培训', '进修', '国培', '工资', '待遇', '绩效工资',
    '津贴', '补助', '关爱', '关心', '师资', '教师队伍', '骨干教师', '名师', '名校长', '班主任', '职称', '评聘', '岗位设置', '特岗',
    '公费师范生', '补充教师', '教师专业发展',
  ],
  // 作业 management
  homework: ['作业', '作业设计', '作业量', '书面作业', '课业负担', '作业公示', '分层作业'],
  // 课后服务, 托管, 延时服务
  after_school: ['课后服务', '托管', '延时服务', '课后', '课后延时', '弹性离校', '放学后', '午休', '看护'],
  // 校外培训 governance, in the words of the 2021 双减 opinions (whitelists, prepaid fees, disguised training, licences)
  off_campus_training: ['校外培训', '培训机构', '学科类培训', '违规培训', '白名单', '黑名单', '预收费', '隐形变异', '办学许可', '培训市场'],
  // classroom teaching, curriculum, teaching management, 教研; given in compounds, since bare 教学 and 课程 belong to
  // every category's business
  teaching_quality: [
    '课堂', '课堂教学', '课程体系', '课程标准', '国家课程', '教学管理', '教学方式', '教学改革', '教研', '备课', '教学质量', '新课标',
    '课程改革', '教学常规', '集体备课', '听课', '评课', '教学研究', '教研员', '学业质量', '课程建设',
  ],
  // 督导, inspection, assessment, accountability, evaluation reform (of which examinations and admissions are part)
  supervision: ['督导', '督学', '督查', '考核', '评估', '问责', '评价', '评价改革', '考评', '责任督学', '挂牌督导', '专项督导', '通报', '监测', '质量监测', '考试招生', '中考改革', '考试评价'],
  // 经费, subsidies, fees, investment
  funding: ['经费', '补贴', '补助', '收费', '费用', '投入', '资金', '预算', '财政', '拨付', '核拨', '报酬', '专项资金', '生均', '公用经费', '奖补', '资助', '筹资', '筹集', '捐资'],
  // buildings, equipment, informatization, networks, platforms
  facilities: [
    '校舍', '设施', '设备', '信息化', '网络', '平台', '智慧校园', '教室', '装备', '场地', '场馆', '图书馆', '实验室', '多媒体', '录播', '宽带',
    '数字化', '改扩建', '建设工程', '食堂', '运动场', '信息技术',
  ],
  // 心理健康
  mental_health: ['心理健康', '心理', '心理辅导', '心理咨询', '心理危机', '心理测评', '心理教师', '心理健康教育'],
  // 家校社, family education, parents
  family_school: ['家校社', '家校', '家庭教育', '家长', '家委会', '家长委员会', '家长学校', '家访', '家校共育', '协同育人', '亲子', '社区'],
  // 布局调整, 集团化办学, resource allocation, 撤并; with school places, districts and boarding schools
  school_layout: ['布局调整', '布局', '集团化办学', '教育集团', '资源配置', '撤并', '合并', '均衡', '学区', '城乡一体化', '结对帮扶', '联盟', '小规模学校', '寄宿制', '扩容', '学位'],
  // 党建, 思政, 意识形态, 师德师风
  party_ideology: ['党建', '党的建设', '思政', '思想政治', '意识形态', '师德师风', '师德', '党组织', '从严治党', '党支部', '党员', '理想信念', '爱国主义', '红色'],
  // 职业教育, with the terms of the 2022 vocational education law (industry-education integration, apprenticeship)
  vocational: ['职业教育', '职业学校', '中等职业', '职教', '中职', '高职', '产教融合', '校企合作', '技能', '实训', '学徒制', '专业建设'],
  // 德育, 体育, 美育, 劳动教育, clubs and interest activities
  whole_person: ['德育', '体育', '美育', '劳动教育', '社团', '兴趣', '艺术', '特长', '研学', '实践活动', '体质', '阅读', '科技', '文艺', '足球'],
  // what no category above covers: leadership bodies and task forces, publicity and the media, safety and logistics
  other: ['领导小组', '工作专班', '专班', '宣传', '媒体', '新闻', '舆论', '报道', '安全', '交通', '后勤'],
};

export const INSTRUMENT_LEXICON: Readonly<Record<Instrument, readonly string[]>> = {
  // people, money, facilities, information and technology put in
  supply: ['配备', '人员', '师资', '经费', '资金', '投入', '补贴', '设施', '设备', '建设', '新建', '信息', '技术', '平台', '培训', '提供', '保障'],
  // goals, plans, rules, regulation, supervision, organisation
  environment: ['目标', '规划', '计划', '方案', '制度', '规定', '规范', '监管', '监督', '督导', '检查', '组织', '机制', '管理', '标准', '严禁', '不得'],
  // government purchase, outsourcing, pilots, demonstrations, bringing in outside providers
  demand: ['购买服务', '政府购买', '外包', '试点', '示范', '引进', '引入', '社会力量', '第三方', '社会资源', '委托'],
};
