/**
 * Agency lexicon (ANNOTATION.md § Agencies): the named data behind the agency rules. Each list says which case made
 * it necessary. Function words are closed classes; the suffix heads decide how a candidate is grown leftwards.
 */

/** Abbreviation → full form, applied to function words and heads when building the canonical name. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  教体: '教育体育', // 岳阳县教体局 = 岳阳县教育体育局
  人社: '人力资源和社会保障', // 人社部门 (开原)
  人力资源社会保障: '人力资源和社会保障',
  发改: '发展和改革',
  发展改革: '发展和改革', // 发展改革部门, 市发展改革委
  市场监管: '市场监督管理', // 市市场监管 (北京)
  市监: '市场监督管理', // 县市监局
  文体: '文化体育',
  教科: '教育科技',
  民宗: '民族宗教',
  卫计: '卫生和计划生育',
  卫健: '卫生健康',
  住建: '住房和城乡建设',
  住房城乡建设: '住房和城乡建设',
  文旅: '文化和旅游',
  医保: '医疗保障',
  工信: '工业和信息化',
  教: '教育', // 市教委, 区教委
  编: '机构编制',
  纪: '纪律检查',
  纪委监: '纪律检查委员会、监察', // 市纪委监委
};

/**
 * Function words: what a department does, as used before 局, 厅, 部门 … (教育体育局, 人力资源和社会保障部门,
 * 教育督导部门). Longest match first, so 人力资源和社会保障 wins over 社会保障.
 */
export const FUNCTION_WORDS: readonly string[] = [
  '教育', '体育', '教体', '教育体育', '财政', '公安', '民政', '司法', '审计', '统计', '税务', '信访', '外事', '侨务',
  '人力资源和社会保障', '人力资源社会保障', '人社', '人力资源', '社会保障', '发展改革', '发展和改革', '发改',
  '市场监督管理', '市场监管', '工商', '质监', '食品药品监督管理', '卫生健康', '卫健', '卫生', '医疗保障', '医保',
  '住房和城乡建设', '住房城乡建设', '住建', '自然资源', '国土资源', '生态环境', '环保', '交通运输', '交通', '水利',
  '农业农村', '农业', '林业', '商务', '文化和旅游', '文化旅游', '文旅', '文化', '旅游', '广电', '新闻出版',
  '应急管理', '退役军人事务', '科学技术', '科技', '工业和信息化', '工信', '经济和信息化', '城市管理', '城管',
  '行政审批', '政务服务', '数据', '大数据', '机关事务管理', '宣传', '组织', '统战', '统一战线工作', '政法', '网信',
  '纪检监察', '纪检', '督导', '教育督导', '督查', '教研', '研训', '教科研', '机构编制', '编制', '残疾人', '妇女儿童',
  '乡村振兴', '扶贫', '消防', '金融', '银保监', '保险', '国资', '粮食', '气象', '人民防空', '医疗', '安全生产',
  '市监', '文体', '文广', '教科', '民宗', '民族宗教', '卫计', '卫生计生', '自然资源和规划', '综合行政执法', '水务',
  '机关事务', '政务服务和数据管理', '招生考试',
  '行政', '主管',
];

/** Function words that only qualify another (教育行政部门, 教育主管部门); 行政部门 or 主管部门 alone is generic. */
export const MODIFIER_WORDS: ReadonlySet<string> = new Set(['行政', '主管']);

/** Ministries and party departments named X部 (教育部, 州委宣传部); 部 alone is too common (全部, 干部, 内部). */
export const MINISTRY_WORDS: readonly string[] = [
  '教育', '财政', '公安', '民政', '司法', '人力资源社会保障', '人力资源和社会保障', '人社', '自然资源', '生态环境',
  '住房城乡建设', '住房和城乡建设', '住建', '交通运输', '水利', '农业农村', '商务', '文化和旅游', '文旅',
  '应急管理', '退役军人事务', '科学技术', '科技', '工业和信息化', '工信', '外交', '国防', '宣传', '组织', '统战',
  '统一战线工作', '审计',
];

/** Party departments among them: a bare 宣传部 belongs to the committee the text is about, not to the state. */
export const PARTY_DEPARTMENT_WORDS: ReadonlySet<string> = new Set(['宣传', '组织', '统战', '统一战线工作']);

/** Short commission names before 委 (市教委, 区教委, 发改委, 纪委); a bare 委 needs a region (市委, 县委). */
export const COMMISSION_WORDS: readonly string[] = [
  '教', '教育', '发改', '发展改革', '发展和改革', '卫健', '卫生健康', '纪', '政法', '编', '经信', '国资', '科', '农',
  '住建', '网信', '文明', '民宗', '财经', '外事', '编制',
  '纪委监', // 市纪委监委: one body under two names
  '提案', // 县政协提案委 (抄送 lines)
];

/** Function words before 工委 (市委教育工委); 关工委 is in the gazetteer. */
export const WORK_COMMITTEE_WORDS: readonly string[] = ['教育', '机关', '国资', '卫生健康', '卫健', '企业'];

/** Offices named X室 with a parent body (县委、县政府督查室, 县教研室); 心理辅导室, 录播教室 are rooms. */
export const ROOM_WORDS: readonly string[] = ['督查', '督导', '教育督导', '教研', '信访', '法制'];

/** Functions named X机关 (公安机关); 机关 alone is the staff of any body. */
export const ORGAN_WORDS: readonly string[] = ['公安', '司法', '纪检监察', '检察', '审判'];

/**
 * Bodies named outright, with their canonical form and level when the name fixes one. Matched anywhere in the text
 * (with an optional region before those marked `prefix`), e.g. 中办、国办印发 (承德), 银保监、公安、政法等部门 (楚雄).
 */
export interface GazetteerEntry {
  canonical: string;
  level?: 'national' | 'province' | 'city' | 'county';
  /** May take a region or tier prefix: 省关工委, 县妇联, 市编办. */
  prefix?: boolean;
  /** Counts only with a region or tier prefix: a bare 团委 is most often a school's. */
  needsPrefix?: boolean;
}
export const GAZETTEER: Readonly<Record<string, GazetteerEntry>> = {
  党中央: { canonical: '中共中央', level: 'national' },
  中共中央: { canonical: '中共中央', level: 'national' },
  国务院: { canonical: '国务院', level: 'national' },
  中办: { canonical: '中共中央办公厅', level: 'national' },
  国办: { canonical: '国务院办公厅', level: 'national' },
  中央编办: { canonical: '中央机构编制委员会办公室', level: 'national' },
  全国人大常委会: { canonical: '全国人民代表大会常务委员会', level: 'national' },
  全国人大: { canonical: '全国人民代表大会', level: 'national' },
  全国政协: { canonical: '全国政协', level: 'national' },
  银保监会: { canonical: '银行保险监督管理委员会', prefix: true },
  银保监: { canonical: '银行保险监督管理委员会', prefix: true },
  证监会: { canonical: '证券监督管理委员会', level: 'national' },
  公安: { canonical: '公安部门', prefix: true },
  妇联: { canonical: '妇女联合会', prefix: true },
  关工委: { canonical: '关心下一代工作委员会', prefix: true },
  残联: { canonical: '残疾人联合会', prefix: true },
  科协: { canonical: '科学技术协会', prefix: true },
  总工会: { canonical: '总工会', prefix: true },
  文联: { canonical: '文学艺术界联合会', prefix: true },
  侨联: { canonical: '归国华侨联合会', prefix: true },
  工商联: { canonical: '工商业联合会', prefix: true },
  红十字会: { canonical: '红十字会', prefix: true },
  团委: { canonical: '共青团委员会', prefix: true, needsPrefix: true },
  团中央: { canonical: '共青团中央', level: 'national' },
  委办: { canonical: '委办公室', prefix: true }, // 县委办、县政府办 (the party committee's office)
  委编办: { canonical: '委机构编制委员会办公室', prefix: true }, // 市委编办
  团省委: { canonical: '共青团省委', level: 'province' }, // 团县委, not 县委
  团市委: { canonical: '共青团市委', level: 'city' },
  团县委: { canonical: '共青团县委', level: 'county' },
  团区委: { canonical: '共青团区委', level: 'county' },
  团州委: { canonical: '共青团州委', level: 'city' },
  共青团: { canonical: '共青团', prefix: true },
  编办: { canonical: '机构编制委员会办公室', prefix: true },
  编委办: { canonical: '机构编制委员会办公室', prefix: true },
  网信办: { canonical: '网络安全和信息化委员会办公室', prefix: true },
  文明办: { canonical: '精神文明建设委员会办公室', prefix: true },
  外事办: { canonical: '外事办公室', prefix: true },
  综治办: { canonical: '社会治安综合治理委员会办公室', prefix: true },
  政府办: { canonical: '人民政府办公室', prefix: true },
  党政办: { canonical: '党政办公室', prefix: true },
  督导办: { canonical: '教育督导委员会办公室', prefix: true },
  双减办: { canonical: '“双减”工作领导小组办公室', prefix: true },
  '“双减”办': { canonical: '“双减”工作领导小组办公室', prefix: true },
};

/** Democratic parties that propose as organisations (民进楚雄州委). */
export const PARTIES = ['民进', '民盟', '民建', '民革', '农工党', '致公党', '九三学社', '台盟', '中共'] as const;
/** Words that open a committee's name before its region (政协开原市委员会, 中国共产党岳阳县委员会). */
export const NAME_OPENERS = [...PARTIES, '中国共产党', '政协', '中国人民政治协商会议'] as const;

/** Bare function words that stand for a department in a list before 等部门 (联合教育、金融、公安、银行等部门). */
export const LIST_FUNCTION_WORDS: readonly string[] = [...FUNCTION_WORDS, '政法', '金融', '人社', '发改', '编办', '妇联'];

/** Bare function words that stand for a department after a region or tier (同级财政负担, 联合市市场监管). */
export const METONYM_WORDS: readonly string[] = ['财政', '公安', '民政', '市场监管', '市场监督管理', '税务', '审计', '人社', '发改', '卫健', '住建'];

/** List items that are not state bodies (银行 in 教育、金融、公安、银行等部门; schools, media, companies). */
export const NON_STATE_ITEMS = /^(银行|企业|公司|学校|高校|社区|家庭|家长|媒体|新闻媒体|社会组织|社会|行业|协会|医院|单位|机构|个人)$/;

/** Words in front of a candidate that make it part of a school, company or bank (学校纪检部门, 校团委). */
export const NON_STATE_BEFORE = /(学校|本校|全校|各校|[小中]学|幼儿园|大学|学院|公司|企业|集团|银行|校)$/;

/** Topics that make a committee part of a school or a parents' body (家长学校委员会, 家长委员会). */
export const SCHOOL_TOPIC = /(学校|家长|家委|班级|年级|校长|本校|全校|少先队|学生会|村民|居民|学术|膳食|伙食|校务|教务|政教|德育|总务|教导|教职工)/;

/** Neighbours in a list that show a committee is a school mechanism (建立健全家庭教育指导委员会、家长学校、家委会). */
export const SCHOOL_NEIGHBOUR_AFTER = /^[、和及与](家长学校|家委会|家长委员会|家长会|学校)/;
export const SCHOOL_NEIGHBOUR_BEFORE = /(家长学校|家委会|家长委员会|家长会)[、和及与]$/;

/** Topics too bare to name a committee (成立领导小组, 专项领导小组, 组成工作专班, 专家委员会). */
export const GENERIC_TOPIC = /^(工作|专项|专门|相关|有关|领导|该|本|此|这个|一个|临时|专家|联合|各|[一二三四五六七八九十两\d]+)?$/;

/** Region and tier prefixes: single tier characters and tier phrases (旗县区政府, 县、区政府, 同级财政). */
export const TIER_CHARS = '省市县区州旗盟乡镇';
const TIER_PHRASES_ASCII: readonly string[] = [
  '县(市、区)', '县(市区)', '区县(市)', '县(区、市)', '县(市)', '县(区)', '区、县(市)', '县、市、区', '县市区', '旗县区',
  '旗县市区', '县区', '区县', '市县', '县市', '县、区', '市、县', '区、县', '乡镇', '同级', '本级', '县级', '市级',
  '省级', '乡级', '镇级', '地市', '自治区', '全国',
  '国家', // 国家发展改革委, 国家市场监督管理总局
  '省、市', '省市', '省、市、县', '省市县', '市、县、区', '市县区', // 省、市教育部门对我县工作给予肯定
];
/** Full-width brackets survive normalisation (县（市、区）), so each phrase comes in both widths. */
export const TIER_PHRASES: readonly string[] = TIER_PHRASES_ASCII.flatMap((p) => [p, p.replace(/\(/g, '（').replace(/\)/g, '）')]);

/** Tier words that name no body: 各级政府 is generic (承德), 上级部门 too. */
export const GENERIC_TIERS: ReadonlySet<string> = new Set(['各级', '多级', '上级', '下级', '地方', '基层', '有关', '相关']);

/** Two-character words ending in a tier character that are not a tier (城市, 社区, 校区…). */
export const NOT_A_TIER = /^(城市|都市|超市|门市|上市|股市|集市|夜市|社区|校区|学区|园区|辖区|片区|景区|山区|湾区|小区|城区|地区|新区|街区|营区|老区|牧区|郊区|矿区|城镇|村镇|集镇)$/;
/** Two characters at the start of a topic that begin a word, not a tier (市场监管领导小组, 区域…). */
export const NOT_A_TIER_START = /^(市场|市民|县域|区域|省内|州府|镇上)/;

/** Tiers spanning schools are systems, not bodies (市区校三级教科研部门). */
export const LEVEL_SYSTEM = /([省市县区乡镇校]{2,5})[两三四五]级$/;

/** Pronoun prefixes: 我市 and 本县 name the writer's own area, not a body (the spec excludes 我市). */
export const PRONOUN_BEFORE_TIER = /[我本该此全]$/;

/** Roles that follow a party committee: 市委书记, 省委常委 are people. */
export const ROLE_AFTER = /^(书记|副书记|常委|委员(?!会)|主任|副主任|秘书长|领导班子成员)/;

/** Characters after a head that show it is not a head (局长, 处理, 委托, 委员, 办公, 部署, 部分). */
export const NOT_AFTER: Readonly<Record<string, RegExp>> = {
  局: /^[长势部限面]/,
  厅: /^[长]/,
  部: /^[长署分位队门件]/,
  委: /^[员托派任屈婉]/,
  处: /^[长理置罚于分境事方所在]/,
  司: /^[长机法令]/,
  室: /^[长内外主]/,
  中心: /^[校小城区学幼]/, // 中心校, 乡镇中心学校
  人大: /^(代表|附中|附小|附属)/,
  政协: /^委员(?!会)/,
};

/** Morphemes a 中心 needs before it to be an office, not a venue (调解中心 yes; 活动中心, 辅导中心 no). */
export const OFFICIAL_CENTRE = /(调解|政务服务|考试|招生考试|监测|评估|指挥|资助管理|教师发展|装备|技术装备|指导|信息|数据|管理服务)$/;

/** Morphemes a 处 or 司 needs before it to be a section (校外培训工作处, 校外教育培训监管处), not 教导处, 之处. */
export const SECTION_TOPIC = /(工作|监管|管理|督导|监督|保障|规划|发展|安全|人事|财务|审批|执法|宣传|综合|办公|基础教育|职业教育|高等教育|教师|思想政治|政策法规|督查|治理)$/;

/** Words that end an open topic on its left: verbs of setting up and particles (成立, 设立, 由, 的…). */
export const TOPIC_STOP_WORDS: readonly string[] = [
  '成立', '设立', '组建', '增设', '建立', '健全', '组成', '召开', '主持', '印发', '出台', '牵头', '联合', '会同', '依托',
  '通过', '下设', '内设', '报请', '提请', '召集', '参加', '协调', '配合', '负责', '经过', '按照', '根据', '作为', '加强',
];
export const TOPIC_STOP_CHARS = '的了和与及或由向把被将经是请让给并且对从于即按在等为到以其该这那每凡又也都还就才已均而则但之所因如若当使';
/** Compounds a stop character may sit inside (在线家庭教育推进办公室, 人力资源和社会保障). */
export const TOPIC_PROTECTED: readonly string[] = ['在线', '人力资源和社会保障', '发展和改革', '住房和城乡建设', '文化和旅游', '工业和信息化', '经济和信息化', '关心下一代', '为民'];
export const MAX_TOPIC = 18;
/** Longest agency name accepted (国务院教育督导委员会办公室 is 13); longer chains are noise, and capping keeps the scan linear. */
export const MAX_AGENCY_LENGTH = 40;

/** Rows of a page's metadata table: furniture, not content (发布机构:市政府办公室 in 承德's 索引号 row). */
export const METADATA_ROW = /^[ \t]*(索\s*引\s*号|主题分类|发布机构|信息分类|生成日期|文件编号|有\s*效\s*性|发文日期|成文日期|发文机关|所属机构|公开方式|公开范围|号|称|名\s*称|分\s*类)\s*[:：]/;

/** A document number's tail after an issuer's short name: 中办发〔2019〕54号 holds no mention of 中办. */
export const DOC_NUMBER_AFTER = /^[发字函电明规令通办]{0,3}\s*[〔\[［【﹝〖]\s*(?:19|20)\d{2}/;

/** Levels of tier words; a tier phrase not listed takes the level of its first character. */
export const TIER_LEVELS: Readonly<Record<string, 'national' | 'province' | 'city' | 'county' | 'unknown'>> = {
  全国: 'national', 国家: 'national', 省: 'province', 自治区: 'province', 省级: 'province', 市: 'city', 州: 'city', 盟: 'city', 市级: 'city',
  地市: 'city', 县: 'county', 区: 'county', 旗: 'county', 县级: 'county', 旗县区: 'county', 旗县市区: 'county',
  县市区: 'county', 县区: 'county', 区县: 'county', 县市: 'county', 市县: 'unknown', '市、县': 'unknown', 乡: 'unknown',
  镇: 'unknown', 乡镇: 'unknown', '省、市': 'unknown', 省市: 'unknown', '省、市、县': 'unknown', 省市县: 'unknown',
  '市、县、区': 'unknown', 市县区: 'unknown', 乡级: 'unknown', 镇级: 'unknown', 同级: 'unknown', 本级: 'unknown',
};
