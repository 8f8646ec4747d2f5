/** Status rules on short real-shaped clauses, and how a clause without a cue takes its paragraph's tense. */
import { describe, expect, it } from 'vitest';
import { assignStatuses, statusCue } from '../../pipeline/lib/measure-status.js';

describe('statusCue', () => {
  it.each([
    ['今后,各级政府将构建一支专兼职结合的督学队伍', 'planned'],
    ['下一步将不断全面优化整合我市师资力量', 'planned'],
    ['力争到2025年,基本建立起有效的师德师风建设长效机制', 'planned'],
    ['我县计划利用三年时间全面建设名师工作室', 'planned'],
    ['严禁布置惩罚性作业', 'normative'],
    ['局班子成员召集下面学校开会,必须事先征得局长同意', 'normative'],
    ['要把中心校建成一所寄宿制学校', 'normative'],
    ['校外培训机构不得参与校内学科类教学和服务', 'normative'],
    ['已复课学科类校外培训机构,10月25日前必须退还相关费用', 'normative'],
    ['已举办线上家庭教育讲座28场', 'done'],
    ['我市印发了《关于全面深化新时代教师队伍建设改革的工作方案》', 'done'],
    ['截至目前共开展维稳调度处置74人次', 'done'],
    ['楚雄市教育体育局持续加强校外培训机构监管力度', 'ongoing'],
    ['不断完善教师全员培训制度', 'ongoing'],
    ['从2006年开始,我们致力于家长学校建设', 'ongoing'],
  ])('%s → %s', (text, status) => {
    expect(statusCue(text)).toBe(status);
  });

  it('reads 将 before a noun as the 把 construction, not as future', () => {
    expect(statusCue('将每月最后一周设定为“无会周”')).not.toBe('planned');
    expect(statusCue('将课后服务经费纳入财政预算')).toBeNull();
    expect(statusCue('将艺术课程纳入托管服务的领域')).toBeNull();
  });

  it('does not take nouns for cues (工作计划, 应急, 重要, 需求)', () => {
    expect(statusCue('结合实际制定年度师德师风建设工作计划')).toBeNull();
    expect(statusCue('方便教师应急调整、交替轮岗')).toBeNull();
    expect(statusCue('满足学生多样化需求,发挥重要作用')).toBeNull();
  });
});

describe('assignStatuses', () => {
  const input = (clause: string, paragraph = 0, section = 0, before = '') => ({ clause, before, paragraph, section });

  it('gives list items the tense of the sentence that announced them', () => {
    const statuses = assignStatuses([input('在以下几方面做了积极探索'), input('探索建立AB岗制度'), input('完善班主任选配工作')]);
    expect(statuses).toEqual(['done', 'done', 'done']);
  });

  it('takes the cue of the sentence before the clause (今后,…将…, then a bare clause)', () => {
    expect(assignStatuses([input('建立教育督导专家库', 0, 0, '今后,各级政府将构建督学队伍。同时,')])).toEqual(['planned']);
  });

  it('does not carry a rule to the next sentence, and falls back to ongoing', () => {
    const statuses = assignStatuses([input('编办、人社部门要保障编制和岗位设置', 0, 1), input('加强教师进修院校建设', 0, 1), input('组织中小学结对', 0, 1)]);
    expect(statuses[1]).toBe(statuses[2]);
    expect(statuses[1]).not.toBe('done');
  });

  it('gives bare items of a section of rules the rule mood', () => {
    const statuses = assignStatuses([
      input('建议从以下几方面优化教育资源配置', 0, 2),
      input('农村小学做强做优中心校', 1, 2),
      input('要把中心校建成寄宿制学校', 2, 2),
    ]);
    expect(statuses).toEqual(['normative', 'normative', 'normative']);
  });
});
