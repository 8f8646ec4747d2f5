/**
 * Citation lexicon (ANNOTATION.md § Citations): what makes a bracketed or quoted name a policy document. Each
 * rule says which case made it necessary.
 */

/**
 * Endings of a document title: 关于…的通知/意见/方案, 《…课程表》, 《…白名单》, 《中小学生校外培训服务合同》.
 * Not listed on purpose: 书 (《整改通知书》 is a form), 报 (《中国教育报》 is a newspaper, a source).
 */
export const DOC_TYPES: readonly string[] = [
  '通知', '意见', '方案', '办法', '规定', '措施', '举措', '细则', '标准', '规则', '规程', '规范', '白名单', '清单',
  '制度', '表', '条例', '纲要', '规划', '计划', '决定', '决议', '指南', '指引', '守则', '准则', '合同', '协议', '预案',
  '目录', '要点', '公告', '通告', '通报', '批复', '复函', '函', '报告', '纪要', '章程', '大纲', '要求', '条款', '公约',
  '通则', '导则', '须知', '法', '法典', '建议',
];

/** Words too generic to name a document before its type: 《实施方案》, 《工作方案》 are back-references. */
export const GENERIC_NAME = /^(实施|工作|指导|若干|管理|暂行|试行|有关|相关|上述|该|本|此|这个|这些|以上|以下)$/;

/** A named set of rules cited in quotes: “郑州市作业建设18条” (郑州); “三个十条” is a slogan (too short a name). */
export const RULE_SET = /^[\p{Script=Han}]{4,}(?:\d+|[一二三四五六七八九十百]+)条$/u;

/** Plans named by a target year: 《中国教育现代化2035》. */
export const YEAR_PLAN = /^[\p{Script=Han}]{2,}20\d{2}$/u;

/** Laws cited in quotes without 《》: “家庭教育促进法” counts, “一线工作法” (岳阳) is a method. */
export const QUOTED_LAW = /(中华人民共和国.{1,20}法|促进法|保护法|保障法|教育法|教师法|管理法|处罚法|许可法|劳动法|合同法|公务员法|监察法|宪法|刑法|民法典|预算法|安全法|防治法|组织法)$/;

/** Titles ending in 法 that are methods or verbs, not laws. */
export const NOT_A_LAW = /(工作法|方法|做法|说法|想法|看法|写法|用法|教学法|学习法|书法|司法|执法|守法|普法|依法|合法|违法|立法|手法|技法|算法|疗法)$/;

/** A quoted name needs this many characters before its type to be a title (“白名单”, “强基计划” are not). */
export const MIN_QUOTED_NAME = 4;
/** A bracketed name needs this many (《方案》, 《意见》 are back-references). */
export const MIN_BOOK_NAME = 2;

/** The proposal's own title is not a citation: …的提案, and …的建议 after 您提出的 / 代表 / 第N号. */
export const PROPOSAL_END = /(提案|议案)$/;
export const SUGGESTION_END = /建议$/;
export const PROPOSAL_BEFORE = /(提出|提交|所提|您|你们|代表|委员|号|会议)[^。；;！!？?]{0,8}$/;

/** A name introduced as a short form: (以下简称《方案》). */
export const ALIAS_BEFORE = /(简称|下称|以下称)\s*$/;

/** Edition and status tails ignored when judging the shape: (试行), (2022年版), (2021—2025年). */
export const VERSION_TAIL = /[(（][^()（）]{1,14}[)）]$/;

/**
 * The 文号 given right after a title, in brackets: 《…实施方案》(承办传〔2021〕41号), 《…细则》(湘人社规〔2024〕9号);
 * the year may sit in 〔〕, [], ［］, (), （） or 【】.
 */
export const DOC_NUMBER = /^\s*[(（]\s*([\p{Script=Han}A-Za-z]{1,15}\s*[〔\[［(（【﹝〖]\s*(?:19|20)\d{2}\s*[〕\]］)）】﹞〗]\s*第?\s*\d+\s*号)/u;

/** Longest title accepted; an opening 《 without its 》 within this many characters is unbalanced. */
export const MAX_TITLE = 120;
