/**
 * The word lists behind the numbers extractor (ANNOTATION.md § Numbers, § Conventions), one block per rule, each
 * with the case that made it necessary. Everything here is general Chinese usage or national set phrases, never
 * sentences of one document.
 */

export type NumberKind = 'count' | 'percent' | 'money' | 'ratio' | 'duration' | 'time' | 'age' | 'other';
export type Qualifier = 'exact' | 'approx' | 'more_than' | 'at_least' | 'at_most' | 'range';

export interface UnitEntry {
  /** The unit reported (`个小时` is reported as `小时`, `个月` stays `个月`: the guide's units as written). */
  unit: string;
  kind: NumberKind;
}

const entries = (kind: NumberKind, words: string): [string, UnitEntry][] =>
  words.split(' ').map((word) => {
    const [written, unit] = word.split('=') as [string, string | undefined];
    return [written, { unit: unit ?? written, kind }];
  });

/**
 * Units and measure words after a number, matched longest first. `课时` and `学分` are counts and `学时` a duration
 * (§ Conventions); `个` before a time word is dropped except in `个月`, whose bare `月` would be a date (`9月`).
 * Not units on purpose: `级` (tiers and ranks: `市县两级`, `国家二级运动员`), `届` (`十届一次会议`), `号` (`第78号`,
 * `41号`), `月`/`日` alone (dates), `分` (`十分重要`), `G`/`M` (`5G`).
 */
export const UNITS: ReadonlyMap<string, UnitEntry> = new Map([
  ...entries('percent', '% ％=% 个百分点=百分点 百分点'),
  ...entries('money', '元 美元 港元 欧元 块钱=元'),
  ...entries('age', '周岁 岁'),
  ...entries(
    'duration',
    '年 个月 个多月=个月 个半月=个月 周 个周=周 星期 个星期=星期 天 小时 个小时=小时 个钟头=小时 分钟 秒钟 秒 学时 个学时=学时 学年 个学年=学年 学期 个学期=学期 工作日 个工作日=工作日 昼夜',
  ),
  ...entries(
    'count',
    '人次 件次 场次 批次 人 名 位 个 件 次 项 所 家 台 门 份 种 条 场 期 支 节 部门 部委 批 类 套 本 册 篇 张 座 栋 幢 间 处 户 辆 架 首 部 组 队 课时 个课时=课时 学分 起 宗 例 笔 轮 遍 校 园 片 点 层 道 堂 单位 台套',
  ),
  ...entries('other', '‰ 兆 平方米 平米 平方公里 ㎡ 亩 公顷 公里 千米 米 公斤 千克 吨 倍'),
]);
/** Unit spellings, longest first, for the matcher. */
export const UNIT_WORDS: readonly string[] = [...UNITS.keys()].sort((a, b) => b.length - a.length);

/** Duration units that give a bare `一` quantity weight: `每天一小时`, `提前一周` (against `一名德育主任`). */
export const WEIGHTY_ONE_UNITS: ReadonlySet<string> = new Set([
  '年', '个月', '周', '星期', '天', '小时', '分钟', '秒', '学时', '学年', '学期', '工作日', '倍',
]);

/**
 * A measure word glued to the next character is a word, not a unit: `五年一周期` (周期), `工程 2.0项目` (项目),
 * `一至九年级` (年级), `一次性`, `零起点`. The number before such a word has no unit.
 */
export const FALSE_UNIT_WORDS: ReadonlySet<string> = new Set(
  (
    '年级 年代 年度 年龄 年纪 年华 年轻 年制 年一贯 年义务 年行动 年规划 年计划 年初 年底 年末 年终 年报 年会 年鉴 年检 ' +
    '周期 周年 周边 周末 周围 天然 天地 天气 天空 天下 天才 天津 ' +
    '项目 名单 名称 名义 名额 名录 名片 名牌 名誉 次数 次要 次序 次性 次日 次年 门口 门户 门槛 门诊 门类 ' +
    '家长 家庭 家乡 家园 家访 家校 家教 家务 家委 台阶 台账 台湾 台风 场所 场地 场景 场馆 场域 条件 条例 条款 条线 份额 ' +
    '种类 种植 种子 所有 所以 所在 所属 所需 所得 节日 节约 节点 节奏 节能 节假 部分 部署 部长 部队 部位 类型 类别 类似 ' +
    '期间 期末 期中 期刊 期待 期望 期盼 期限 期满 支持 支部 支付 支撑 支出 支援 支教 批评 批准 批复 批示 批改 ' +
    '套取 套餐 个性 个体 个别 个案 点评 点名 点赞 点亮 点燃 道路 道德 道理 ' +
    '组织 组建 组长 组成 组合 队伍 队员 队长 层次 层级 层面 校长 校园 校区 校级 校内 校外 校际 校本 校舍 校车 校医 ' +
    '园区 园长 园所 起来 起点 起步 起草 起到 起始 宗旨 例如 例子 笔试 轮岗 轮训 轮换 轮流 轮值 遍及 遍布 间隔 ' +
    '处理 处罚 处置 处室 处长 处分 户籍 户外 户口 座谈 张贴 本科 本地 本身 本土 本着 本校 本县 本市 本级 本领 ' +
    '人民 人社 人文 人格 片区 位置 位于 首批 首次 首先 倍增 倍感 米饭 位数 期工程 期项目'
  ).split(' '),
);

/** Characters that make an adjective or a type of a measure word: `一门式`, `一站式`, `一体化`, `五人制`. */
export const FALSE_UNIT_SUFFIXES = '式性化制';

/** Qualifier words before a number, longest first. `remote` ones still count a few characters away (`每年至少开展一次`). */
export interface PrefixQualifier {
  word: string;
  qualifier: Qualifier;
  remote: boolean;
}
const prefix = (qualifier: Qualifier, remote: boolean, words: string): PrefixQualifier[] =>
  words.split(' ').map((word) => ({ word, qualifier, remote }));
export const PREFIX_QUALIFIERS: readonly PrefixQualifier[] = [
  ...prefix('at_least', true, '不得少于 不应少于 不少于 不得低于 不应低于 不低于 至少'),
  ...prefix('at_least', false, '不下于 不小于 不早于 最少 最低'),
  ...prefix('at_most', true, '不得超过 不应超过 不超过 不高于 不多于'),
  ...prefix('at_most', false, '不晚于 不大于 不足 不到 不超 少于 低于 小于 至多 最多 最高'),
  ...prefix('more_than', false, '超过 高于 多于 大于 逾 超'),
  ...prefix('approx', false, '大约有 大约 大概 约占 约为 约有 约达 约计 将近 接近 约 近 上'),
].sort((a, b) => b.word.length - a.word.length);

/**
 * Characters before a one-character qualifier that make it part of another word: `最近3天`, `附近`, `预约3次`,
 * `签约5家`, `赶超`, `以上2项` (上 only qualifies a bare 百/千/万: `上千名`).
 */
export const QUALIFIER_BLOCKERS: Readonly<Record<string, string>> = {
  近: '最附靠亲就邻贴将接',
  约: '预签节制违履邀特契合公条盟相隐婉践守大',
  超: '赶高远不',
  逾: '',
  上: '',
};

/** Words after the unit: `95%以上`, `50人以下`, `56人及以上`, `1小时左右`, `两年多`, `3天内`, `18:00前`. */
export const SUFFIX_QUALIFIERS: readonly { word: string; qualifier: Qualifier; durationOnly?: boolean; timeOnly?: boolean }[] = [
  { word: '及以上', qualifier: 'at_least' },
  { word: '及以下', qualifier: 'at_most' },
  { word: '以上', qualifier: 'more_than' },
  { word: '有余', qualifier: 'more_than' },
  { word: '以下', qualifier: 'at_most' },
  { word: '以内', qualifier: 'at_most' },
  { word: '之内', qualifier: 'at_most' },
  { word: '左右', qualifier: 'approx' },
  { word: '之前', qualifier: 'at_most', timeOnly: true },
  { word: '以后', qualifier: 'at_least', timeOnly: true },
  { word: '之后', qualifier: 'at_least', timeOnly: true },
  { word: '后', qualifier: 'at_least', timeOnly: true },
  { word: '前', qualifier: 'at_most', timeOnly: true },
  { word: '内', qualifier: 'at_most', durationOnly: true },
  { word: '余', qualifier: 'more_than', durationOnly: true },
  { word: '多', qualifier: 'more_than', durationOnly: true },
];

/** A cap named after the amount, right after it or after one of CAP_LEADS: `每节课50元的上限`, `以300元为上限`. */
export const CAP_WORDS: readonly { word: string; qualifier: Qualifier }[] = [
  { word: '上限', qualifier: 'at_most' },
  { word: '下限', qualifier: 'at_least' },
];
export const CAP_LEADS = '的为';

/** Markers between the number and the unit: `300余件`, `150多条`, `十来个`. */
export const INNER_QUALIFIERS: Readonly<Record<string, Qualifier>> = { 余: 'more_than', 多: 'more_than', 来: 'approx' };

/** Range connectors: `3-5所`, `2到3天`, `150元至300元`, `3~5`. */
export const RANGE_CONNECTORS = '-－~～—–至到';

/** Ordinals and identifiers: `第三名`, `十届一次会议` (届 before 一次), `亮点之一`, `每一个孩子`, `最后一周`. */
export const ORDINAL_BEFORE: readonly string[] = ['第', '届', '之', '每一', '最后', '倒数'];
/**
 * Words before a lone `一` that make it "this / the same / the next", not a count: `新的一年`, `这一天`, `同一所学校`,
 * `下一周`, `又一次`. Not 前 (`提前一周` is a week), nor the 上/下 that end 晚上, 线上 (`每天晚上一小时`).
 */
export const ONE_DEMONSTRATIVE_BEFORE = /(?:这|那|哪|某|同|新的|又|再|唯|(?<![晚早线网马楼地会天])[上下])$/;
/** A place in a ranking, not a count of people: `取得全市前三名`, `进入前十名`. */
export const RANK_BEFORE = '前';
/** Collective measure words: `一批年轻教师` is "some", never a count of one, even after `每年` (`一些`, `一系列` have no unit). */
export const VAGUE_ONE_UNITS: ReadonlySet<string> = new Set(['批']);
/** A session number, not a count: `县十八届人大三次会议`, `十九届五次全会` (届 in the clause before `X次会议`). */
export const SESSION_AFTER = /^(?:会议|全会|全体会议|常委会|常务会议|大会)/;
export const SESSION_BEFORE = /届[^，。；,;！？!?：:\n]{0,6}$/;
/** Vague amounts, not numbers: `数十所`, `几十个`, `十几个`, `若干` (数 only before Chinese numerals: `总数943人` counts). */
export const VAGUE_BEFORE = '数几';
export const VAGUE_AFTER = '几';

/** Lone `一` still counts after a distributive `每` in its clause: `每人一份`, `每天一次`, `每两年举办一次` (not `每一个孩子…一个`). */
export const ONE_WEIGHT_BEFORE = /每(?!一)[^，。；,;！？!?：:\n]{0,8}$/;
/** ...right after an "only / in all / each / new" word: `仅一所`, `只有一名`, `各一名`, `共一项`, `新建一所` (not `建成一所…的学校`). */
export const ONE_WEIGHT_ADJACENT = /(?:仅|只|只有|仅有|各|共|共计|合计|累计|新增|新建|增加|减少)$/;
/** ...and after a rate base in the same clause: `一年开展一次`, `两周一次` (not a year: `2019年开展一次专项督查`). */
export const ONE_RATE_BEFORE = /(?:^|[^\d〇零一二两三四五六七八九十])(?:[一两二三四五六七八九十]|\d{1,2})(?:个月|个)?(?:年|周|星期|天|学期|学年)(?:内|里)?[^，。；,;！？!?：:\n]{0,6}$/;

/** Names made of a number and a head: `七条红线`, `八项规定`, `十个严禁`, `五个不得`. */
export const NAME_HEADS: readonly string[] = ['红线', '禁令', '严禁', '不准', '不得', '禁止', '规定'];

/**
 * National set phrases and slogans whose numbers count nothing in the text, found wherever they stand, quoted or
 * not (§ Numbers: `两个确立`, `四个意识`, `五育并举`, `一号工程`, `三个课堂`, `一以贯之`, `一方面`, `一律`, `一线`),
 * with common idioms that contain a measure word (`千家万户`, `五花八门`).
 */
export const SET_PHRASES: readonly string[] = (
  '两个确立 两个维护 四个意识 四个自信 四个全面 三个代表 两个一百年 三个课堂 三个面向 四个服务 四个引路人 四个相统一 ' +
  '四有好老师 五育并举 八项规定 三支一扶 三重一大 两学一做 三严三实 一带一路 一以贯之 另一方面 一方面 一律 一线 ' +
  '一号工程 一技之长 一系列 一体化 一票否决 一把手 一岗双责 一站式 一揽子 一刀切 一盘棋 一张蓝图 一张网 一条龙 ' +
  '一次性 一对一 一对多 一帮一 一老一小 一日三餐 一年一度 一贯制 九年一贯 十二年一贯 九年义务教育 十二年义务教育 ' +
  '三位一体 四位一体 五位一体 千家万户 五花八门 三番五次 三天两头 百年大计 百年树人 十年树木 三天打鱼 一年到头 ' +
  '一天到晚 一年半载 三年五载 三言两语 四面八方 千方百计 一心一意 万无一失 一次又一次 两手抓 两手硬 一份力量 ' +
  '百年 千秋 万人空巷 千人一面 一流 双一流 零容忍 零距离 零起点 零门槛 二次 两点一线 五项管理 五个一 三个一批 四个回归 六个下功夫 ' +
  '九个坚持 八个相统一 两个毫不动摇 三个务必 四个伟大 两个结合 两个大局 两个基本点'
).split(' ');

/** Place names with a numeral and a measure word: `七台河`, `三门峡`, `五家渠`, `五台县`. */
export const PLACE_NAMES: readonly string[] = '七台河 三门峡 三门县 五家渠 五台县 五台山 三台县 九台区 二道区 二道江 八道江'.split(' ');

/** Quote marks around a name or a citation: numbers inside a short one are part of the name (`“郑州市作业建设18条”`). */
export const QUOTE_PAIRS: readonly [string, string][] = [['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['"', '"']];
/** Title marks: a number inside `《…十条措施》` is part of the title. */
export const TITLE_PAIRS: readonly [string, string][] = [['《', '》'], ['〈', '〉']];
/** A quote longer than this, or with sentence punctuation, is speech whose numbers count (`“…在校时间普遍在11个小时左右,…”`). */
export const NAME_QUOTE_MAX = 40;
export const SPEECH_PUNCTUATION = /[，,。；;！？!?：:]/;

/** Time-of-day words that turn `X点` into a time: `下午3点`. Afternoon words add twelve hours. */
export const DAY_PARTS: Readonly<Record<string, number>> = { 上午: 0, 早上: 0, 早晨: 0, 凌晨: 0, 中午: 0, 下午: 12, 傍晚: 12, 晚上: 12 };
