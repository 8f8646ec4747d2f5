/**
 * The metadata heuristics as named data (STYLE.md habit 8): every label, marker and shape the metadata extractor
 * relies on lives here, each with the case that made it necessary. The code in meta-*.ts only applies them.
 *
 * Text reaching the extractor is normalised: simplified script, full-width ASCII folded to half width (so `：` is
 * `:`), runs of spaces collapsed. Patterns still accept the full-width forms and letter-spaced labels (`索 引 号`)
 * because captures from other sites keep them inside a line.
 */

/** A label letter-spaced or not: `spaced('索引号')` matches 索引号 and 索 引 号. */
export function spaced(label: string): string {
  return [...label].join('\\s*');
}

export const COLON = '[:：]';
const HAN = '\\p{Script=Han}';

/** Chinese or Arabic numerals of 届, 次 and proposal numbers. */
export const NUM = '[0-9零〇○一二两三四五六七八九十百千]+';

/** 文号 year brackets: 〔〕 is the standard, but pages use [] () ［］ 【】 〖〗 ﹝﹞ too. */
const OPEN = '[〔\\[［(（【〖﹝]';
const CLOSE = '[〕\\]］)）】〗﹞]';

/** A document number: issuer abbreviation, year in brackets, serial and 号 (岳县教体字〔2025〕23号, 湘教发[2024]45号). */
export const DOC_NUMBER = new RegExp(`[${HAN}A-Za-z]{1,16}\\s*${OPEN}\\s*(?:19|20)\\d{2}\\s*${CLOSE}\\s*第?\\s*\\d{1,5}\\s*号`, 'u');
/**
 * The bracketed year no DOC_NUMBER match is without. DOC_NUMBER tries a run of up to 16 letters at every character
 * of a line; this one pass finds first whether the line can hold a 文号 at all, and most lines cannot.
 */
export const DOC_NUMBER_YEAR = new RegExp(`${OPEN}\\s*(?:19|20)\\d{2}`, 'u');

/** An index number (索引号) value: site code, slash or hyphen, year, serial (13502/2022-25477, cxs010-/2022-0728005). */
export const INDEX_VALUE = /[A-Za-z0-9][A-Za-z0-9_.\-/]*[A-Za-z0-9]/;
/** Shape an index number must have when its label is cut to `号:` (001: `号: cxs010-/2022-0728005`). */
export const INDEX_SHAPE = /[/\-](?:19|20)\d{2}(?:[-/]?\d+)?/;

export const LABELS = {
  /** 索引号, 索 引 号 (000), and the cut `号:` a capture leaves when the label cell is clipped (001). */
  indexNumber: new RegExp(`(?:${spaced('索引号')}|(?<![${HAN}])号)\\s*${COLON}\\s*`, 'u'),
  /** 文号 of the reply: 发文字号, 文号, 文件编号 (000 has `文件编号: |` empty). */
  docNumber: new RegExp(`(?:${spaced('发文字号')}|${spaced('文件编号')}|${spaced('发文编号')}|${spaced('文号')}|(?<![${HAN}])号)\\s*${COLON}\\s*`, 'u'),
  /** Publisher: 发布机构 (000, 001), 来源 (003, 004; empty in 002), 信息来源, 发布单位. */
  publisher: new RegExp(`(?:${spaced('发布机构')}|${spaced('发布单位')}|${spaced('发布部门')}|${spaced('信息来源')}|${spaced('来源单位')}|${spaced('来源')}|${spaced('发文机关')})\\s*${COLON}\\s*`, 'u'),
  /** Title cells of government information tables: 标题, 名称 (also mid-row: `发布机构:X 名称:Y`), the cut `称:` (001). */
  title: new RegExp(`(?:^|[\\s|｜])(?:${spaced('标题')}|${spaced('文件名称')}|${spaced('信息名称')}|${spaced('名称')}|(?<![${HAN}])称)\\s*${COLON}\\s*`, 'u'),
} as const;

/** Values after 来源: that name no body (a site's own articles). */
export const NOT_A_PUBLISHER = /^(本站|本网|原创|网站|未知|无|暂无|admin|管理员)$/i;

/** Labels that end a title cell on a table row (名称:… 文号:…). */
export const TITLE_CELL_END = new RegExp(`\\s(?:${['文号', '发文字号', '索引号', '主题词', '主题分类', '发布机构', '发文日期', '发布日期', '成文日期', '有效性'].map(spaced).join('|')})\\s*${COLON}`, 'u');

/** Labels that can follow a value on the same header line and end it (`发布机构:X 生成日期:`). */
export const NEXT_LABEL = /(?:时间|日期|作者|编辑|浏览|点击|字号|阅读|分类|来源|发布|生成|有效性|主题)\s*[:：]/;

/**
 * Page-date labels by strength: 发布日期 / 发文日期 (001) before a bare 时间 (002, 004), before the date on a 来源 line
 * (003: `来源:岳阳县教体局 2025-07-14`), before 成文日期, which is the signing date when a page also gives one.
 */
export const PAGE_DATE_LABELS: readonly { name: string; pattern: RegExp; why: string }[] = [
  { name: 'published', pattern: /(发布|发文|发表|公开|发稿|上传)\s*(日期|时间)\s*[:：]/, why: '发文日期: 2022-07-28; 发表时间:2022-07-28' },
  { name: 'time', pattern: /(?<![\p{Script=Han}])(时\s*间|日\s*期|更新时间)\s*[:：]/u, why: '时间:2021-12-13 (002), 来源:… 时间:2024-11-14 (004)' },
  { name: 'source-line', pattern: /来\s*源\s*[:：]/, why: '来源:岳阳县教体局 2025-07-14 (003)' },
  { name: 'written', pattern: /成文\s*(日期|时间)\s*[:：]/, why: '成文日期 in information tables of other sites, used when no other page date is given' },
];

/** Result classes: A类 B类 C类, local A1类 (003) and 甲/乙/丙类. */
export const REPLY_CLASS = /(?<![A-Za-z0-9])([ABC][1-9]?|[甲乙丙])\s*类(?!型|别)/u;
/** A class given with a label, with or without 类: 答复类别:A类, 办理结果:B, 此件答复为C类. */
export const REPLY_CLASS_LABELLED = /(?:答复|办理|办复|结果)\s*(?:类别|类型|分类|结果)?\s*(?:[:：]|为|属于?|列为)\s*([ABC][1-9]?|[甲乙丙])\s*类?(?![A-Za-z0-9])/u;

/** Markers of a reply in its body (复函 is not one: a news article cites 教育部办公厅关于…的复函). */
export const REPLY_MARKERS = /答复如下|现答复|特此答复|(?:^|\n)\s*此复|收悉/;
/**
 * A title that says the page is a reply: it ends in 答复 / 复函 / 答复的函, a class in brackets allowed (003, 004,
 * `…建议答复的函`, `…的答复(甲类)`). A headline that only mentions 答复 (市教育局集中答复代表建议) is news.
 */
export const REPLY_TITLE = /(答复|复函|答复[^。，,]{0,3}函|答复意见|办理(?:情况|结果)(?:的)?(?:报告|答复)?)\s*(?:[(（][^)）]{0,12}[)）])?$/;
/** Markers of a news article (002: 告诉记者). */
export const NEWS_MARKERS = /记者|通讯员|本报讯|本网讯|新华社|讯\s*[(（]|报道|新闻/;

/** A salutation line opening a reply: 鲍龙代表: (000), 尊敬的民进楚雄州委: (001), 翟亚丹委员: (003). */
export const SALUTATION = /^\s*(?:尊敬的)?\s*([^:：。,，;；]{2,40}?)\s*[:：]\s*(?:(?:您好|你好|你们好)[!！,，。]?)?\s*$/;
/** A salutation opening the first paragraph when the capture lost the line break: 鲍龙代表:您提出的…收悉. */
export const SALUTATION_INLINE = /^\s*(?:尊敬的)?\s*([^:：。,，;；“”《》]{2,30}?)\s*[:：]\s*(?:(?:您好|你好|你们好)[!！,，。]?)?\s*(?=您|你们|你|贵)/;
/** What a salutation must name to count as one: a role, or 尊敬的, or a following line addressed to 您/你们. */
export const SALUTATION_ROLE = /(委员|代表|同志|先生|女士|老师|党派|界别|小组|联组|委员会|[市县区州省]委$|支部)$/;

/** Role words after a person's name and what they mean for proposerRole. */
export const ROLE_WORDS: readonly { word: RegExp; role: 'member' | 'deputy'; why: string }[] = [
  { word: /委员$/, role: 'member', why: '翟亚丹委员 (003), 李姗姗委员 (004): members of a 政协' },
  { word: /代表$/, role: 'deputy', why: '鲍龙代表 (000): deputies of a 人大' },
];

/** Proposers that are organisations: the eight parties, people's organisations, sectors and groups (民进楚雄州委, 001). */
export const ORGANIZATION_PROPOSER =
  /^(民革|民盟|民建|民进|农工|致公|九三学社|台盟|工商联|共青团|团[\p{Script=Han}]{0,6}委|妇联|科协|侨联|青联|文联|总工会)|(界别?|小组|联组|委员会|支部|总支|党委|[省市州县区旗盟]委|学社|协会|商会|联合会|工会)$/u;

/** A proposer named in a title or sentence: 关于对刘红委员提出的第12号提案, 张三、李四代表联名提出的建议. */
export const PROPOSER_IN_TEXT =
  /(?<=^|对|关于|的|给|向|与|和|及|[\s,，:：(（“《])((?![对关就向给与和及])[\p{Script=Han}]{2,4}(?:、[\p{Script=Han}]{2,4})*)(委员|代表)(?:等\s*\d*\s*[位名]?\s*(?:委员|代表)?)?\s*(?:在[^。]{0,40}?)?(?:领衔|联名)?(?:提出|所提)/u;

/** Words left around a proposer's name in a salutation. */
export const PROPOSER_TRIM = /^(尊敬的)|(委员|代表|同志|先生|女士|老师)$|等\s*[0-9一二三四五六七八九十]*\s*(位|名)?$/g;

/** A self-reference naming the level of the speaking area: 我县 (003), 我市 (000, 004), 全县, 本市. */
export const SELF_REFERENCE = /(?:我|本|全)(省|市|州|县|区|旗|盟)(?![长委级属直])/g;

/** Generic district names that are everyday words (城区小学, 新城区); read as places only at the start of a name. */
export const GENERIC_PLACE = /^(城|郊|矿|东|西|南|北|新城|老城|城[东西南北中]|[东西南北]城|城关|城厢|新市|市中|新华|和平|江南|江北|河东|河西|新区|中心)区$|^.县$/;

/**
 * Stems of division names that are everyday words and never read alone as a place: 教育资源 is not 资源县, 延长服务时间
 * is not 延长县, 长治久安 is not 长治市 (a bare stem is read at all only inside a province or city the text names).
 */
export const COMMON_WORD_STEMS = new RegExp(
  `^(${[
    '资源', '通道', '延长', '大兴', '安居', '新建', '光明', '富民', '平和', '清新', '大方', '长寿', '新兴', '安定', '长治', '安康',
    '江山', '安宁', '东方', '大同', '和平', '平安', '太平', '长安', '新华', '合作', '朝阳', '和顺', '永定', '中山', '城关', '红旗',
    '全州', '城中', '城东', '城西', '城北', '新城', '老城', '开发', '高新', '友好', '先锋', '团结', '胜利', '民主', '文明',
  ].join('|')})$`,
);

/** Suffixes of a body that can sign a reply (岳阳县教育体育局, 开原市教育局, 市政府办公室). */
export const ORG_SUFFIX = /(人民政府|政府|办公室|办公厅|委员会|局|厅|委|办|中心|院|署|处|部|站|所|馆|会|公司)$/;
/** Seal and signature remarks to strip from a signature line. */
export const SIGNATURE_NOISE = /[(（]?\s*(盖章|印章|公章|签章|章)\s*[)）]?/g;
/** Signature lines never start with these: closing formulas and annexes. */
export const NOT_SIGNATURE = /^(此复|特此|专此|附件|抄送|抄报|联系|承办|经办|签发|感谢|谢谢)/;

/** Levels of the receiving body by the word the text gives it (市政协 → city, 县政协 → county, 区十六届人大 → district). */
export const BODY_LEVEL: Readonly<Record<string, 'national' | 'province' | 'city' | 'county' | 'district'>> = {
  全国: 'national',
  省: 'province',
  自治区: 'province',
  市: 'city',
  州: 'city',
  盟: 'city',
  县: 'county',
  旗: 'county',
  区: 'district',
};

/** The receiving body as the text names it: 市政协 (001), 县政协 (003), 开原市政协 (004), 区十六届人大, 全国人大. */
export const RECEIVING_BODY = new RegExp(
  `(全国|自治区|[省市州县区旗盟])\\s*(?:第?\\s*${NUM}\\s*届\\s*)?(?:政协|人大|人民代表大会|人民政府协商|政治协商会议)`,
  'u',
);
/**
 * The long forms: 中国人民政治协商会议岳阳县委员会, 中国人民政治协商会议开原市第九届委员会, and 政协第十四届岳阳县委员会
 * (the council's name written after the 届).
 */
export const RECEIVING_BODY_LONG = new RegExp(
  `(?:政治协商会议|政协|人大)[${HAN}]{0,14}?(自治区|[省市州县区旗盟])\\s*(?:第?\\s*${NUM}\\s*届\\s*)?(?:委员会|常务委员会|常委会)`,
  'u',
);

/** 届 and 次会议: 十届一次会议 (001), 第八届委员会第二次会议, 十三届人大三次会议. */
export const SESSION = new RegExp(
  `第?\\s*(${NUM})\\s*届\\s*(?:[^0-9零〇○一二两三四五六七八九十百千届次,，。;；:：\\s]{0,12}?)\\s*第?\\s*(${NUM})\\s*次\\s*(?:全体)?\\s*会议`,
  'u',
);
/** The number right after a session: 十届一次会议第78号 (001), 九届三次会议第25号 (004), 会议提案第3134号. */
export const NUMBER_AFTER_SESSION = new RegExp(`^[^。,，;；]{0,12}?第\\s*(${NUM})\\s*号`, 'u');
/** A proposal number on its own: 第45号提案, 提案第45号, 建议编号:123. */
export const PROPOSAL_NUMBER = new RegExp(
  `第\\s*(${NUM})\\s*号\\s*(?:提案|建议|议案)|(?:提案|建议|议案)\\s*(?:编号|号)?\\s*[:：]?\\s*第\\s*(${NUM})\\s*号|(?:提案|建议|议案)\\s*(?:编号|号)\\s*[:：]\\s*(\\d+)`,
  'u',
);

/**
 * Words without which a costly pattern cannot match, looked for with `includes` before the pattern runs: these
 * patterns try a run of Han characters at every character of a paragraph, and most paragraphs hold none of the words.
 */
export const CLUES = {
  /** Every PROPOSED_BY match holds 提 (提出, 所提, 提交, 提) or 撰写. */
  proposedBy: ['提', '撰写'],
  /** PROPOSED_BY's branch for a named proposer holds 委员 or 代表. */
  namedProposer: ['委员', '代表'],
  /** Every SESSION match holds 届. */
  session: ['届'],
  /** Every PROPOSAL_NUMBER match holds 号. */
  proposalNumber: ['号'],
} as const;

/** True when `text` holds one of the clue words, so the pattern they belong to may match. */
export function holdsClue(text: string, clues: readonly string[]): boolean {
  return clues.some((clue) => text.includes(clue));
}

/** Quotes a proposal title stands in: “…” (000, 001), 《…》 (003, 004), "…", 「…」. */
export const QUOTED = /[“《"「]([^”》"」\n]{4,160})[”》"」]/u;
/** What follows the proposer: 在…会议上, 领衔 or 联名, then 提出, 所提, 提交 or 撰写, and 的. */
const PROPOSED_TAIL = `\\s*(?:在[^。]{0,40}?)?(?:领衔|联名)?\\s*(?:提出|所提|提交|撰写|提)(?:出)?的?\\s*`;
/**
 * Who proposed: 您提出的, 你们提出的 (001), 贵党派所提, 张三委员领衔提出的. Global, for `matchAll` (every one in a line
 * is read); never call `exec` or `test` on it, whose `lastIndex` would carry over to the next line.
 */
export const PROPOSED_BY = new RegExp(`(?:您|你们|你|贵[${HAN}]{0,3}|[${HAN}]{2,12}(?:委员|代表))${PROPOSED_TAIL}`, 'gu');
/**
 * PROPOSED_BY without its branch for a named proposer (张三委员), the costly one: it tries a run of Han characters at
 * every character. On a line holding neither 委员 nor 代表 (CLUES.namedProposer) that branch cannot match, and this
 * pattern finds the same matches.
 */
export const PROPOSED_BY_ADDRESSEE = new RegExp(`(?:您|你们|你|贵[${HAN}]{0,3})${PROPOSED_TAIL}`, 'gu');
/** An unquoted proposal title after 提出的 (004: 您提出的关于推进我市教育高质量发展的提案收悉). */
export const UNQUOTED_TITLE = /^(关于[^。，,；;“”《》\n]{2,120}?的?(?:提案|建议|议案))(?=收悉|已收悉|已经收悉|已交|已转|我们|[,，。(（]|\s|$)/u;
/** A proposal title labelled as such: 提案名称:…, 案由:…, 建议题目:…. */
export const TITLE_LABELLED = /(?:提案|建议|议案)\s*(?:名称|题目|标题)\s*[:：]\s*([^\n]{4,160})|案\s*由\s*[:：]\s*([^\n]{4,160})/u;

/** Words a document title carries; a header line with one of them is a title candidate. */
export const TITLE_WORDS = /答复|复函|提案|建议|议案|关于|的函|报告|通知|意见|方案/;
/** A reply title proper, preferred over a line that merely carries a title word (a channel name: 建议提案办理). */
export const REPLY_TITLE_SHAPE = /(答复|复函)|(?:关于|对).{2,}(提案|建议|议案)|第\s*\d+\s*号/;
/** Navigation trails left in a header (首页 > 信息公开 > 建议提案): never a title. */
export const NAVIGATION = /[>»＞→]|首页/;
/** Endings that mean a title goes on on the next line (003's letterhead: …第45号提案的 / 答复). */
export const TITLE_CONTINUES = /(的|关于|对|第\d+号|号)$/;
/** A short next line that finishes a broken title (…第45号提案 / 的答复). */
export const TITLE_TAIL = /^(的|答复|复函)[^。:：]{0,10}$/;
/** A site or body name standing above a headline: never a news title (XX县人民政府门户网站, XX市教育局). */
export const SITE_NAME = /^[^，,。]{0,16}(人民政府|政府|门户网站|网站|政府网|教育局|教育厅|教育体育局|教育委员会|教体局|办公室)$/;

/**
 * Injected spam: a betting-site name put where 关于 stood (`XX局澳门新葡京对市政协…`, `“开云体育app加强…的建议”`).
 * A name is read from its vocabulary only: words no education title uses (博彩, 葡京, 百家乐), or 体育 / 娱乐 glued to
 * Latin letters or to 官网, 平台, app, 入口. Its Han lead-in stops at the suffix of the body before it (…体育局).
 * The extractor puts back 关于 (or drops the name when 关于 is still there).
 */
export const SPAM = new RegExp(
  '[^\\s局委府室厅院办部对关于的“”《》"「」,，。:：()（）、]{0,6}?' +
    '(?:娱乐城|娱乐场|娱乐平台|娱乐官网|博彩|彩票|棋牌|真人视讯|真人娱乐|赌场|赌城|百家乐|老虎机|彩金|葡京|威尼斯人|太阳城|' +
    '[A-Za-z]{2,}\\d*(?:体育|娱乐)|(?:体育|娱乐)(?:官网|平台|app|APP|App|下载|注册|入口|网页版|登录)|' +
    '官网入口|官方网站|网页版|手机版|(?:bet|BET)\\d+)' +
    '(?:官网|平台|app|APP|App|入口|登录|注册|下载|[A-Za-z0-9])*',
  'u',
);
