import type { MeasureStatus } from '../../schemas/fields.js';
import { firstRule } from './measure-regex.js';

/**
 * Status of a measure (ANNOTATION.md § Measures): done, ongoing, planned or normative, from the tense and mood
 * words of the clause, then of the sentence around it; a clause with none takes the status last stated in its
 * paragraph (`近年来我们…做了积极探索。一是探索建立AB岗制度…` — the items are done). Rules only: nothing learned.
 */

export interface StatusRule {
  readonly status: MeasureStatus;
  readonly pattern: RegExp;
  readonly why: string;
  /** A weak cue: a target, or a frequency word; it does not carry to later clauses and yields to a rule book's mood. */
  readonly weak?: boolean;
}

/**
 * Cues in the order they are tried: a plan outranks a rule, a rule outranks a past result, a past result
 * outranks a practice in force (`下一步将不断全面优化…` is planned although 不断 says ongoing;
 * `已复课…的,10月25日前必须退还相关费用` is a rule although 已 says done).
 */
export const STATUS_RULES: readonly StatusRule[] = [
  { status: 'planned', pattern: /下一步|今后|以后|未来|(?<![工作教学年度初强基专项有的])计划(?![,，。、书表])|拟(?!定|订)|力争|争取到|即将|预计|到20[0-9]{2}年/, why: '下一步,我市将… / 力争到2025年…' },
  { status: 'planned', weak: true, pattern: /努力实现|实现[^,，。]{0,24}(达|达到)[0-9]/, why: '努力实现…满意度达95%以上 — a target, for its own clause only' },
  {
    status: 'planned',
    pattern: /将(要|会|继续|进一步|积极|不断|加快|加大|全面|持续|逐步|努力|大力|着力|重点|深入|认真|切实|结合|根据|按照|围绕|建立|推进|推动|开展|实施|组织|探索|出台|制定|完善|健全|加强|强化|启动|建设|构建|打造|落实|致力|争取|采取|统筹|督促|鼓励|引导|提供|做好|抓好|研究|逐一|尽快|适时)/,
    why: '各级政府将构建… — 将 before a verb is future; 将X纳入/设定为 is the 把 construction and says nothing of time',
  },
  {
    status: 'normative',
    pattern: /必须|严禁|禁止|不得|不准|不允许|一律|应当|(?<![相对供响适反理])应(?!用|急|届|对|有|聘|征|教|培|退|收|保)|(?<![重主需只纲摘必])要(?!求|点|素|闻|事|害|员|务|效率)|(?<![所急必])需(?!求|要)|原则上|(?<![许认宁])可(?!能|行|持续|复制|视|靠|喜|观|贵|爱|控|用|随时)|(^|[,，])(同时)?规定|规定(每|不|必须|要|应)|不少于|不低于|不超过|不高于|不晚于|不早于|(?<![、和的与及])建议(?![,，。、])/,
    why: '局班子成员…开会,必须事先征得局长同意 / 要把中心校建成… / 可根据学生年级…混合编班 — a rule with no tense',
  },
  { status: 'ongoing', pattern: /从20[0-9]{2}年(开始|起)(?![^。]*(已|了))/, why: '从2006年开始,我们致力于家长学校建设 — a practice since then' },
  {
    status: 'done',
    pattern: /已(?!有)|(?<![为除极罢受])了(?!解)|截至|截止|累计|先后|相继|共(计)?[^,，。]{0,12}[0-9一二三四五六七八九十两]|(?<!(确保|实现|力争)[^,，。]{0,20})达到?[0-9]|^(仅)?20[0-9]{2}年|至今|去年|此前|前期/,
    why: '已举办线上家庭教育讲座28场 / 印发了《…》 / 截至目前共开展维稳调度处置74人次 — a past result',
  },
  {
    status: 'ongoing',
    pattern: /正在|持续|不断|继续|常态|坚持|始终|一直|目前|现阶段/,
    why: '持续加强校外培训机构监管力度 / 不断完善教师全员培训制度 — practice in force',
  },
  {
    status: 'ongoing',
    weak: true,
    pattern: /每年|每学期|每月|每周|每天|定期|逐步|日常/,
    why: '每年开展市级家庭教育巡讲活动 — a routine; in a rule book (`每天安排1小时左右的时间…`) it is part of the rule',
  },
];

/** The first rule whose cue `text` has, or undefined. */
const cueRule = firstRule(STATUS_RULES, (rule) => rule.pattern);

/** Status stated by the cues of `text`, or null when it has none. */
export function statusCue(text: string): MeasureStatus | null {
  return cueRule(text)?.status ?? null;
}

/** A clause of the status sequence: its text, the text of its sentence before it, and its paragraph. */
export interface StatusInput {
  clause: string;
  /** Sentence text from its start to the clause's start: `今后,各级政府将构建…` lends 将 to what follows. */
  before: string;
  paragraph: number;
  /** The top-level section: a clause with no cue in its paragraph takes the section's prevailing status. */
  section: number;
  /** Whether the section is a dated news report, whose bare clauses tell what was done. */
  report?: boolean;
}

/** What a clause with no cue at all is taken to be: a practice now in force. */
export const DEFAULT_STATUS: MeasureStatus = 'ongoing';

/**
 * Statuses for a sequence of clauses in text order, first that applies:
 * 1. the clause's own cue, else the cue of its sentence before it;
 * 2. the tense last stated in the same paragraph, when it is done or planned (`…做了积极探索。一是探索建立AB岗制度`
 *    — done); a rule or a practice cue holds for its own clause and ends the carrying (`…要保障编制和岗位设置。
 *    加强教师进修院校建设…` is ongoing; `…每周调度、每日情况报告工作机制。召开新闻发布会…` is not carried ongoing);
 * 3. the rule mood, when more than half of the section's paragraphs that state a status state a rule (a
 *    suggestion `建议从以下几方面…:` and a rule book state 要/可 paragraph after paragraph, and their bare items are
 *    rules too; one list of 严禁 in a section of practice does not make the section a rule book);
 * 4. in a dated news report (`2021-10-25 来源:教育部`), done: a report tells what was done;
 * 5. `fallback`: DEFAULT_STATUS, a practice now in force.
 */
export function assignStatuses(inputs: readonly StatusInput[], fallback: MeasureStatus = DEFAULT_STATUS): MeasureStatus[] {
  const rules = inputs.map((input) => cueRule(input.clause) ?? cueRule(input.before));
  const cues = rules.map((rule) => rule?.status ?? null);
  const tallies = new Map<number, Map<MeasureStatus, number>>();
  const voted = new Set<string>();
  inputs.forEach((input, i) => {
    const cue = cues[i];
    if (!cue) return;
    const key = `${input.paragraph}:${cue}`;
    if (voted.has(key)) return; // a paragraph votes once for each status it states
    voted.add(key);
    const tally = tallies.get(input.section) ?? new Map<MeasureStatus, number>();
    tally.set(cue, (tally.get(cue) ?? 0) + 1);
    tallies.set(input.section, tally);
  });
  const prevailing = (section: number): MeasureStatus | null => {
    let best: MeasureStatus | null = null;
    let most = 0;
    for (const status of ['normative', 'planned', 'done', 'ongoing'] as const) {
      const n = tallies.get(section)?.get(status) ?? 0;
      if (n > most) {
        best = status;
        most = n;
      }
    }
    let total = 0;
    for (const n of tallies.get(section)?.values() ?? []) total += n;
    return best === 'normative' && most * 2 > total ? best : null;
  };
  let paragraph = -1;
  let carried: MeasureStatus | null = null;
  return inputs.map((input, i) => {
    if (input.paragraph !== paragraph) {
      paragraph = input.paragraph;
      carried = null;
    }
    const rule = rules[i];
    if (rule) carried = !rule.weak && (rule.status === 'done' || rule.status === 'planned') ? rule.status : null;
    const mood = prevailing(input.section);
    if (rule?.weak && mood) return mood;
    return rule?.status ?? carried ?? mood ?? (input.report ? 'done' : fallback);
  });
}
