import { beforeAll, describe, expect, it } from 'vitest';
import { StageFailure, type DocState } from '../../pipeline/document.js';
import { clean } from '../../pipeline/stages/clean.js';
import { ingest } from '../../pipeline/stages/ingest.js';
import type { StageContext } from '../../pipeline/stages/stage.js';
import { runStages, SEED_FILES, seedBytes, seedPath, seedText, stageContext, TRADITIONAL_SEED } from '../support/seeds.js';

let context: StageContext;
const cleaned = new Map<string, DocState>();

beforeAll(() => {
  context = stageContext();
  for (const name of SEED_FILES) cleaned.set(name, runStages([ingest, clean], seedPath(name), seedBytes(name), context));
});

const textOf = (name: string): string => cleaned.get(name)!.text!;
const linesOf = (name: string): string[] => textOf(name).split('\n').map((line) => line.trim());
const codesOf = (name: string): string[] => cleaned.get(name)!.messages.map((message) => message.code);

/** Cleans a synthetic document (a line or a few) the way the pipeline would. */
function cleanText(text: string): DocState {
  return runStages([ingest, clean], 'synthetic.txt', new Uint8Array(Buffer.from(text)), context);
}

describe('clean: furniture rules on the seeds', () => {
  it('removes the breadcrumb line (001, 002)', () => {
    expect(seedText('001_754fd2440035fb71.txt')).toContain('您当前的位置: 首页 >> 公开信息内容');
    expect(textOf('001_754fd2440035fb71.txt')).not.toContain('您当前的位置');
    expect(seedText('002_1064e609e7cb096d.txt')).toContain('当前位置: 网站首页');
    expect(textOf('002_1064e609e7cb096d.txt')).not.toContain('当前位置');
    expect(codesOf('001_754fd2440035fb71.txt')).toContain('removed-breadcrumb');
  });

  it('removes the font-size widget line (001)', () => {
    expect(seedText('001_754fd2440035fb71.txt')).toMatch(/^字体:\[[\s\u00a0]*\]$/m);
    expect(textOf('001_754fd2440035fb71.txt')).not.toContain('字体');
    expect(codesOf('001_754fd2440035fb71.txt')).toContain('removed-font-size');
  });

  it('removes both share-widget lines (000) and keeps the sentence before them', () => {
    const text = textOf('000_723d0d538beac877.txt');
    expect(text).not.toContain('扫一扫');
    expect(text).not.toContain('朋友圈');
    expect(text.trimEnd().endsWith('积极动员全社会关注、支持、参与家庭教育。')).toBe(true);
    expect(cleaned.get('000_723d0d538beac877.txt')!.messages).toContainEqual(
      expect.objectContaining({ level: 'info', stage: 'clean', code: 'removed-share', message: 'removed 2 × share' }),
    );
  });

  it('removes the view counter inside the 时间 line and keeps 时间 and 来源 (002)', () => {
    const line = linesOf('002_1064e609e7cb096d.txt').find((l) => l.startsWith('时间:'))!;
    expect(line).toMatch(/^时间:2021-12-13\s+来源:$/);
    expect(textOf('002_1064e609e7cb096d.txt')).not.toContain('浏览数');
  });

  it('removes a whole view-counter line, matched through a simplified view of traditional text (003)', () => {
    expect(seedText(TRADITIONAL_SEED)).toContain('瀏覽量:1 | | | | |');
    expect(textOf(TRADITIONAL_SEED)).not.toContain('瀏覽量');
    expect(linesOf(TRADITIONAL_SEED)).toContain('來源:嶽陽縣教體局 \u00a0 2025-07-14');
  });

  it('removes the previous/next links (002)', () => {
    const text = textOf('002_1064e609e7cb096d.txt');
    expect(text).not.toContain('上一条');
    expect(text).not.toContain('下一条');
    expect(text).not.toContain('完成“营转非”工作');
    expect(codesOf('002_1064e609e7cb096d.txt')).toContain('removed-prev-next');
  });

  it('removes stray bullet glyphs starting a paragraph: n组织领导强 → 组织领导强, u监督管理硬 → 监督管理硬 (002)', () => {
    const lines = linesOf('002_1064e609e7cb096d.txt');
    for (const start of ['组织领导强。', '经费保障实。', '规范管理严。', '安全管理细。', '监督管理硬。', '宣传引导广。']) {
      expect(lines.some((line) => line.startsWith(start))).toBe(true);
    }
    expect(lines.some((line) => /^[nu]\p{Script=Han}/u.test(line))).toBe(false);
    expect(cleaned.get('002_1064e609e7cb096d.txt')!.messages).toContainEqual(expect.objectContaining({ code: 'removed-bullet-glyph', message: 'removed 6 × bullet-glyph' }));
  });

  it('removes the template placeholder 关键词2 and nothing around it (003)', () => {
    const text = textOf(TRADITIONAL_SEED);
    expect(seedText(TRADITIONAL_SEED).match(/关键词2/g)).toHaveLength(4);
    expect(text).not.toContain('关键词');
    expect(text).toContain('針對委員的這一心聲,經過調研發現不屬於普遍現象');
    expect(text).toContain('2025年,爭取6個“國培”項目');
  });

  it('removes the English banner and the channel name, keeping the title (004)', () => {
    const lines = linesOf('004_56730d38a0832aa8.txt');
    expect(lines.join('\n')).not.toContain("People's Government");
    expect(lines).not.toContain('政府信息公开');
    expect(lines.find((line) => line !== '')).toBe('对开原市政协九届三次会议第25号《关于推进我市教育高质量发展的提案》答复');
  });

  it('keeps the metadata header lines: 索引号, 发布机构, 文号, 来源, 时间', () => {
    expect(linesOf('000_723d0d538beac877.txt')[0]).toBe('索 引 号: 13502/2022-25477 | 主题分类: 科技、教育 | 发布机构: 市政府办公室 |');
    expect(linesOf('000_723d0d538beac877.txt')).toContain('文件编号: | 有 效 性: 有效 |');
    const chuxiong = linesOf('001_754fd2440035fb71.txt');
    for (const line of ['号: cxs010-/2022-0728005 信息分类: 政协提案', '发文日期: 2022-07-28', '发布机构: 楚雄市教育体育局 生成日期:', '发表时间:2022-07-28']) {
      expect(chuxiong).toContain(line);
    }
    // 003 spaces its 文号 line with EN SPACEs (U+2002): clean keeps them, normalise folds them.
    expect(linesOf(TRADITIONAL_SEED)).toContain('嶽縣教體字〔2025〕23號\u2002A1類\u2002 同意公開');
    expect(linesOf('004_56730d38a0832aa8.txt')).toContain('来源:开原市人民政府办公室 时间:2024-11-14');
  });
});

describe('clean: rules in general terms', () => {
  it('removes pinyin a converter left in parentheses: 當(dāng)前 → 當前', () => {
    const doc = cleanText('當(dāng)前義務教育最突出的問題是學生負擔過重。\n落實（luò shí）“雙減”政策,減輕學生負擔。\n');
    expect(doc.text).toBe('當前義務教育最突出的問題是學生負擔過重。\n落實“雙減”政策,減輕學生負擔。\n');
    expect(doc.messages).toContainEqual(expect.objectContaining({ code: 'removed-converter-pinyin' }));
  });

  it('keeps parentheses that are not pinyin', () => {
    const line = '岳县教体字(2025)23号(A1类),见《通知》(湘教发〔2021〕5号)和(一)(二)各项。\n';
    expect(cleanText(line).text).toBe(line);
  });

  it('removes common widget and footer shapes of other sites', () => {
    const furniture = [
      '扫一扫在手机打开当前页',
      '【打印本页】 【关闭窗口】',
      '分享到:',
      '版权所有:开原市人民政府 网站标识码2112820001',
      '辽ICP备05000000号',
      '建议使用1024×768分辨率浏览本站',
      '上一篇:关于印发教育工作要点的通知',
      '首页 | 网站地图 | 联系我们',
      '阅读次数:1024',
      '字号:[ 大 中 小 ]',
    ];
    const body = '近年来,我市在加强家校合作方面做了一些行之有效的工作。';
    const doc = cleanText([body, ...furniture, body].join('\n'));
    expect(doc.text).toBe(`${body}\n${body}`);
  });

  it('keeps content lines that only mention a widget word', () => {
    const content = [
      '家长用微信扫一扫即可预约课后服务。',
      '为各学校配备高分辨率交互式一体机120台。',
      '如有疑问请联系我们。',
      '学校把作业公示在校门口,家长扫一扫二维码即可查看。',
      '学校将好经验好做法分享到全市各校。',
    ];
    const text = `${content.join('\n')}\n`;
    expect(cleanText(text).text).toBe(text);
  });

  it('removes channel names and an English site name above the body, and keeps such lines below it as headings', () => {
    const body = '为切实减轻中小学教师负担,市教育局会同有关部门制定了具体措施,现将有关情况答复如下。';
    const doc = cleanText(`政策解读\n教育局 Education Bureau of Kaiyuan City\n${body}\n政策解读\nStudy Tour Programme Guide\n课后服务做到全覆盖。\n`);
    expect(doc.text).toBe(`${body}\n政策解读\nStudy Tour Programme Guide\n课后服务做到全覆盖。\n`);
    // The bilingual government name is a banner wherever it stands.
    expect(cleanText(`${body}\n开原市人民政府 The People's Government of Kaiyuan Municipality\n`).text).toBe(`${body}\n`);
  });

  it('removes bullet glyphs only where paragraphs start with them as a list does: a lone u盘 paragraph stays', () => {
    const lone = 'u盘和移动硬盘由学校统一登记管理。\n其他设备按规定使用。\n';
    expect(cleanText(lone).text).toBe(lone);
    const list = 'n组织领导强。\nn工作机制实。\nu监督管理硬。\n';
    expect(cleanText(list).text).toBe('组织领导强。\n工作机制实。\n监督管理硬。\n');
  });

  it('removes invisible characters and carriage returns, keeping the lines', () => {
    const doc = cleanText('一、关于加强\u200b督学队伍建设。\r\n二、关于\ufeff加大教育投入。\r\n');
    expect(doc.text).toBe('一、关于加强督学队伍建设。\n二、关于加大教育投入。\n');
  });

  it('fails a document that holds nothing but page furniture with code no-content', () => {
    let error: unknown;
    try {
      cleanText('您当前的位置: 首页 >> 公开信息内容\n字体:[ 大 中 小 ]\n用微信“扫一扫”,点击右上角分享按钮,\n');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StageFailure);
    expect(error).toMatchObject({ code: 'no-content' });
  });
});

describe('clean: the offset map', () => {
  it.each(SEED_FILES)('maps every kept character of %s back to the same character of the source', (name) => {
    const doc = cleaned.get(name)!;
    const source = doc.sourceText!;
    const text = doc.text!;
    let covered = 0;
    for (const [outStart, srcStart, outLength, srcLength] of doc.runs!) {
      expect(outLength).toBe(srcLength); // clean only deletes
      expect(text.slice(outStart, outStart + outLength)).toBe(source.slice(srcStart, srcStart + srcLength));
      covered += outLength;
    }
    expect(covered).toBe(text.length);
  });

  it('leaves the envelope it was given untouched', () => {
    const before = runStages([ingest], seedPath('002_1064e609e7cb096d.txt'), seedBytes('002_1064e609e7cb096d.txt'), context);
    const snapshot = JSON.stringify({ ...before, bytes: before.bytes.length });
    clean.run(Object.freeze(before), context);
    expect(JSON.stringify({ ...before, bytes: before.bytes.length })).toBe(snapshot);
  });
});
