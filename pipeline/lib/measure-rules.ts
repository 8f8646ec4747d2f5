/**
 * The named heuristics of the measures extractor (ANNOTATION.md § Measures), in one place. Each rule says which
 * case made it necessary. Words here are general policy language, never sentences of a seed document; the
 * segmentation and status code in measure-segment.ts and measure-status.ts only apply them.
 */

/** A rule: a pattern and the case that made it necessary. */
export interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
  readonly why: string;
}

/** List markers at the head of an item, outermost first. `level` orders them; `heading` levels never head a measure. */
export const LIST_MARKERS: readonly (Rule & { level: number; heading: boolean })[] = [
  { name: 'chapter', level: 1, heading: true, pattern: /^[一二三四五六七八九十]{1,3}[、.．](?![0-9])/, why: '一、关于加强督学队伍建设。 — a section title' },
  { name: 'paren-han', level: 2, heading: true, pattern: /^[(（][一二三四五六七八九十]{1,3}[)）]/, why: '(一)加强党对教育全面领导。 — a topic title' },
  { name: 'ordinal-di', level: 2, heading: true, pattern: /^第[一二三四五六七八九十]{1,3}[,，、:：]/, why: '第一,… as a list opener in other replies' },
  { name: 'arabic', level: 3, heading: false, pattern: /^[0-9]{1,2}(?:[、．]|\.(?![0-9]))/, why: '1.落实“县管校用”机制。 / 1、着力注重… — items that are often actions' },
  { name: 'paren-arabic', level: 4, heading: false, pattern: /^[(（][0-9]{1,2}[)）]/, why: '(1) items in county replies' },
  { name: 'circled', level: 4, heading: false, pattern: /^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]/, why: '①②… items' },
  { name: 'shi', level: 5, heading: false, pattern: /^[一二三四五六七八九十]{1,3}是(?=[\p{Script=Han}“"《(（0-9])/u, why: '一是探索建立AB岗制度 — the action itself follows the marker' },
];

/** An item marker inside a sentence, after a comma or colon: `…三个承诺,一是只辅导家庭作业` and `…改革创新:1.培养…`. */
export const INLINE_MARKER = /(?<=[,，:：])(?=[一二三四五六七八九十]{1,3}是[\p{Script=Han}“"《]|[0-9]{1,2}[.．、](?![0-9])\p{Script=Han})/gu;

/** Sentence ends. `;` ends a measure as the guide says; a colon does not (`服务时间:周一至周五下午放学后`). */
export const SENTENCE_END = /[。！？!?；;]/;

/** Brackets and quotes whose inside is never split: `作业辅导(…家庭作业辅导。)` and `“…在家进行。”张义宝坦言`. */
export const PAIRS: Readonly<Record<string, string>> = { '(': ')', '（': '）', '“': '”', '《': '》', '「': '」', '【': '】', '‘': '’' };
/** A bracket pair longer than this is a broken pair, not a quotation (a lost closing quote would swallow a paragraph). */
export const MAX_PROTECTED = 240;

/** Where the answer starts: what comes before is title, banner and salutation. */
export const BODY_START: Rule = {
  name: 'body-start',
  pattern: /(答复如下|回复如下|答复如后|现(将|就)?[^。]{0,20}(答复|回复)(如下)?[:：。]|现答复|答复意见如下)/,
  why: '您提出的…收悉,现答复如下: — every reply opens its answer this way',
};

/** Lines that are never content of a measure: salutations, signatures, dates, contacts, page fields. */
export const NON_CONTENT_LINES: readonly Rule[] = [
  { name: 'salutation', pattern: /^(尊敬的)?[^,，。]{1,20}(委员|代表|同志|先生|女士|委|组|会|党派|小组)(们)?[:：]$/, why: '鲍龙代表: / 尊敬的民进楚雄州委:' },
  { name: 'date-line', pattern: /^[0-9〇○零一二三四五六七八九十]{2,4}年[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日$/, why: '2022年6月28日 under the signature' },
  { name: 'page-field', pattern: /^(索引号|主题分类|发布机构|文件编号|发文日期|生成日期|发表时间|时间|来源|信息分类|名\s*称|文\s*号|号)\s*[:：]/, why: '索引号: 13502/… | 发布机构:… page fields' },
  { name: 'contact', pattern: /(联系人|联系电话|承办人|承办负责人|经办人|签发人|抄送)/, why: '承办人及联系电话:袁文炳 0730-7628035' },
  { name: 'thanks', pattern: /(感谢|谢谢|衷心感谢|欢迎.*继续|此复|特此(答复|函复))/, why: '感谢您对岳阳县教育体育工作的关心和支持。' },
  { name: 'acknowledge', pattern: /(收悉|已交我们研究办理|答复如下|现答复)/, why: '您提出的…建议已收悉。现答复如下:' },
];

/** A rule stated without a verb of doing still is a measure: `小学结束时间不晚于18:30`, `…原则上不早于当地正常下班时间`. */
export const RULE_CUE = /(不晚于|不早于|不得|不超过|不少于|不低于|不高于|必须|严禁|禁止|一律不)/;

/** A sentence that is one quotation from end to end is someone's words: `“校外师资负责课后服务的时候,…。”`. */
export const QUOTATION = /^[“"][^“”"]*[”"][。.!！]?$/;

/** A sentence that announces a list is not itself a measure: `在以下几方面做了积极探索`, `从以下几方面改革创新:`. */
export const LIST_INTRO = /以下(几|[0-9一二三四五六七八九十]+)?个?方面|如下[:：]?$/;

/** Banner headings of a news page's sections, `【学校工作亮点一览】`; a testimony banner opens a section of personal views. */
export const SECTION_BANNER = /^【[^】]{1,30}】$/;
export const TESTIMONY_BANNER = /说】$|心声|感言|访谈|观点|寄语/;

/** A heading line that dates a reprinted report: `2021-10-25 来源:教育部` above a news item. */
export const REPORT_DATELINE = /^(时间[:：]\s*)?(19|20)[0-9]{2}[-./年][0-9]{1,2}[-./月][0-9]{1,2}日?\s*(来源|来自|作者|发布)/;

/** A line without a sentence end shorter than this, with no rule cue, is a heading or a label. */
export const MAX_HEADING_LINE = 40;
/**
 * The first sentence of a paragraph this short, with more sentences after it, no list marker and no figure, is
 * the paragraph's lead title: `组织领导强。课后服务…`, `高站位,扛稳政治担当。组织领导…` (`目前,全市已建立家长学校1555所。`
 * has a figure and stays a measure).
 */
export const LEAD_TITLE_MAX = 12;

/**
 * A piece opening a sentence with the source of what follows, cut off like a purpose: `《…办法》(湘教发〔2024〕45号)
 * 等文件规定,…` and `…校长胡爱萍介绍,学校给每名教师发放…` (the practice reported is the measure).
 */
export const LEAD_SOURCE = /^[^,，]*(文件|》|\))[^,，]{0,6}(规定|要求|提出|明确)$|^[^,，]{2,30}(介绍|表示|透露)$/;

/** A sentence opening with a purpose: the purpose is cut off, the action after it stays (`为…,市教育局于9月15日印发了…`). */
export const LEAD_PURPOSE = /^(为了?|为进一步|为切实|为认真)(?!主|辅|抓手|载体|目标|重点|核心|导向|原则|依托|单位|[0-9])/;

/** Clauses shorter than this (Han characters and digits) are labels, not measures: `组织领导强`, `服务原则`. */
export const MIN_MEASURE_CHARS = 6;
/** A list-item head this short and followed by more text is the item's title. */
export const MAX_ITEM_TITLE = 30;

/** Clauses that are not measures: background, praise, explanation, reported speech, questions. */
export const NOT_A_MEASURE: readonly Rule[] = [
  { name: 'reported-speech', pattern: /(认为|表示|坦言|告诉记者|介绍说|指出[,，:：]|强调[,，:：]|(?<![、和及与的])建议[,，:：]|说[:：,，]|说。|[”"]\s*[\p{Script=Han}]{2,4}说)/u, why: '李新翠认为,要真正落实弹性工作制… — an expert’s view, not an action' },
  { name: 'question', pattern: /[?？]\s*$/, why: '怎样切实减轻学生课业负担,提升作业科学管控?' },
  { name: 'copula-significance', pattern: /(是|成为)[^,，。;；]{0,30}的?(重要|关键|有效|主要|根本|基本|必然|迫切)(举措|途径|手段|任务|内容|环节|纽带|保障|抓手|问题|要求|工程|方面|措施|载体|阵地|承担者)|是一项|是当前|是我们|是在以|[,，]则?是(?!否)/, why: '开展中小学生课后服务,是一项“顺民意、暖人心”的民生工程 — background' },
  { name: 'ability', pattern: /(^|[,，])能够?(促进|提高|减轻|帮助|有效|更好|让|使|为|及时|保障|避免|激发|扭转)|可以对|才能/, why: '落实双减政策,能促进学生的全面发展 — an explanation' },
  { name: 'praise', pattern: /((?<![用做])好评(?!价)|赞誉|赞扬|一致认可|反响(良好|热烈)|(取得|收到)(了)?(良好|明显|显著|阶段性|积极)的?(社会)?(效益|成效|效果|成果)|成效显著|深受.*欢迎|受益匪浅|幸福|希望|新局面|新篇章|评价(非常|很|较)?高|极大地|大大(提升|提高|增强)|有力(地|的)?(促进|践行|推动)了|得到了?有效的?开展)/, why: '得到了上级部门、家长、社会的一致好评 — praise' },
  {
    name: 'problem',
    pattern: /(?<!(解决|缓解|针对|破解)[^,，。]{0,12})(不够(优化|完善|健全|合理|到位)|后劲不足|(师资|人员|经费|资源)(紧张|不足|短缺)|(比较|较为|矛盾|问题)突出|(逐步|日益)凸显|面临[^,，。]{0,8}问题|偏少|不科学|负担太重|并非|不属于普遍)/,
    why: '校内师资紧张,课后延时服务后劲不足 — a problem stated, not an action (为解决师资不足…问题 is the purpose of one)',
  },
  {
    name: 'political-preamble',
    pattern: /^[^,，。]{0,10}(学习贯彻|贯彻落实?|深刻领悟|以)[^,，。]{0,12}(习近平|总书记|党的|党中央)[^,，。]*(思想|精神|指示|批示|方针)/,
    why: '北京市坚决贯彻习近平总书记关于“双减”工作的重要指示批示精神,… — a political preamble, not an action',
  },
  { name: 'definition', pattern: /^[^,，]{2,20}(包括|包含|是指|指的是)/, why: '中小学教师培训包括指令性培训、校本研修… — a definition' },
  { name: 'summary', pattern: /做了[^,，。]{0,12}(工作|探索)$|^[^,，。]{2,10}(以来|期间)$/, why: '近年来,我市在…方面做了一些行之有效的工作 — a summary announcing what follows' },
  { name: 'slogan-title', pattern: /^[^,，。]{2,8}“[^”]{1,3}”$/, why: '组织领导“求力度”。 课后服务覆盖“全”。 — a catchword sub-title inside a paragraph' },
];

/** Leading connectives dropped from a measure's text (gold gives `建立教育督导专家库` for `同时,建立教育督导专家库`). */
export const LEADING_CONNECTIVE = /^(同时|此外|另外|另一方面|一方面|首先|其次|再次|最后|与此同时|今后|具体操作如下|具体如下|总之|因此|所以|然后|并且|而且)[,，:：]\s*/;

/**
 * Comma clauses that start a new measure: an action verb (after optional subject and adverbs) or a fresh
 * subject with a modal. `严格控制教体系统会议数量和规模,将每月最后一周设定为“无会周”,局班子成员…必须…` gives
 * three measures in the gold; `加强督导检查,用好评价指挥棒,进一步提升…` stays one, since its pieces are short.
 */
export const ACTION_VERBS = [
  '建立', '健全', '完善', '加强', '推进', '推动', '实施', '实行', '开展', '组织', '组建', '成立', '设立', '设置', '制定', '制订',
  '出台', '印发', '发布', '下发', '落实', '贯彻', '执行', '规范', '严格', '强化', '深化', '优化', '加大', '加快', '扩大', '压减',
  '精简', '取消', '整合', '统筹', '安排', '配备', '配齐', '补充', '招聘', '招录', '引进', '引入', '聘请', '购买', '新建', '改造',
  '添置', '购进', '投入', '拨付', '开设', '开足', '开齐', '举办', '召开', '培训', '指导', '督促', '监督', '排查', '查处', '整治',
  '治理', '约谈', '公示', '公布', '纳入', '列入', '确定', '设定', '启动', '探索', '鼓励', '支持', '倡导', '推广', '打造', '构建',
  '创建', '创新', '改进', '改善', '丰富', '拓宽', '拓展', '增设', '控制', '严禁', '禁止', '明确', '依托', '利用', '做好',
  '抓好', '做实', '用好', '协调', '会同', '联合', '邀请', '评选', '表彰', '选树', '宣传', '报备', '审批', '关停', '化解', '开放',
  '提供', '发放', '核定', '选拔', '撤并', '合并', '扩容', '推行', '试点', '解散', '转发', '修订', '研制', '设计', '建设', '保障',
  '调整', '选派', '挖掘', '召集', '部署', '整顿', '帮扶', '取缔', '曝光', '通报', '巡查', '抽查', '普查', '筛查', '签订', '组成',
  '吸收', '赋与', '赋予', '下达', '核拨', '责成', '确立', '聘用', '录用', '招收', '增加', '减少', '压实', '净化', '树立', '培育',
  '设', '建', '将', '把',
] as const;

/**
 * Verbs of doing beyond the clause openers: a sentence with none of them and none of ACTION_VERBS describes, it
 * does not act (`学校教师是课后服务的主要承担者`, `…地处城郊接合部,现有教学班23个`).
 */
export const MORE_ACTION_VERBS = [
  '实现', '新增', '提高', '提升', '达到', '达', '保留', '打破', '办好', '集中', '雇用', '接送', '建成', '坚持', '延伸', '参与',
  '提倡', '展示', '平衡', '规定', '用于', '辅导', '布置', '进行', '访谈', '了解', '完成', '培养', '锻炼', '发挥', '做强', '夯实',
  '推送', '补贴', '接到', '化解', '负责', '承担', '组织', '覆盖', '减轻', '减负', '压减', '清零', '退还', '收取', '缴入', '开户',
  '签订', '确认', '执行', '投资', '资助', '奖励', '考核', '评估', '督导', '检查', '审核', '报送', '申报', '上报', '整改',
  '复课', '停办', '停止', '暂停', '恢复', '上线', '升级', '运行', '使用', '应用', '推出', '拨付', '筹集', '捐赠', '招生',
] as const;

/**
 * Comma pieces that only frame what follows (place, time, basis, target): they open the next clause rather than
 * close the last. `…,按照各类督导工作需要,组建六支专家队伍,在督导方式方法创新方面,将建立部门联合督导…`.
 */
export const FRAME_PIECE = /^(按照|根据|结合|围绕|依据|依照|针对|对于|对照|在|从|自|至|截至|随着|今后|下一步|目前|现阶段|近年来|近期|今年|去年|明年|[0-9]{4}年|[0-9一二三四五六七八九十]{1,2}月|每年|每学期|对|由|通过|经过|为了|为)/;

/** Adverbs and time words that may stand before the verb of a new clause. */
export const CLAUSE_ADVERBS = /^(同时|并|还|也|又|再|均|都|全部|全面|积极|大力|进一步|切实|认真|不断|持续|继续|逐步|努力|着力|重点|主动|及时|定期|科学|合理|深入|扎实|坚决|严格|充分|统一|专项|相继|先后|率先|已经|已|正在|将|要|须|必须|应|应当|可|可以|目前|今年|今后|下一步|近年来|[0-9]{4}年(以来)?|[0-9一二三四五六七八九十]{1,2}月(份)?(以来)?)[,，]?/;

/**
 * A grammatical subject opening a comma clause, as a pattern source; a clause opens an action when a verb follows
 * it: `局班子成员和各股室召集…`, `财政部门要将…`, `各学科教研组进行…`, `第四小学于2019年秋季…开展了…`.
 */
export const SUBJECT_SOURCE =
  '(?:我[市县区局省州旗校们]|全[市县区省州旗]|[市县区省州旗](?:[、和][市县区省州旗])?|各[^,，]{0,8}?(?:部门|学校|单位|地|校|园)|' +
  '[^,，]{0,12}?(?:部门|局|委|厅|政府|办公室|处|学校|小学|中学|幼儿园|教研组|教导处|家委会|委员会|领导小组|成员|股室|教师|老师|校长|学生|家长|人员|机构|专班))';

/** Up to eight characters between a subject and its verb: `也相应成立`, `总体上平衡`, `于2019年秋季在全旗范围内率先开展`. */
export const SUBJECT_LINK = '[^,，]{0,8}?';

/**
 * Clauses of purpose or result that stay with the clause before them: `…大幅压减微信工作群,全力纠治…`,
 * `…,确保全县教师应培尽培`, `…,让学校和教师…`.
 */
export const PURPOSE_CLAUSE = /^(以|为|让|使|确保|保证|全力|从而|进而|有效|力求|形成|实现|满足|促进|提升|提高|帮助|做到|达到|争取|避免|防止|杜绝|释放|营造|凝聚|引导|助力|推动形成|更好|减轻|解决)/;

/**
 * Clause splitting prefers clauses of a measure's typical length: the guide's examples and replies in general give
 * one action in 20–50 characters (`建立教育督导专家库` is short, a rule with its conditions long). A log-normal
 * around CLAUSE_TARGET with CLAUSE_SPREAD, and CLAUSE_COST for each extra clause, so that a long sentence of
 * several actions is cut at its action openings and a short one stays whole.
 */
export const CLAUSE_TARGET = 33;
export const CLAUSE_SPREAD = 0.55;
export const CLAUSE_COST = 1;
