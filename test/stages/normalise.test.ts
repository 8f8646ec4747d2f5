import { beforeAll, describe, expect, it } from 'vitest';
import type { DocState } from '../../pipeline/document.js';
import { spanToSource } from '../../pipeline/lib/offsets.js';
import { clean } from '../../pipeline/stages/clean.js';
import { ingest } from '../../pipeline/stages/ingest.js';
import { normalise } from '../../pipeline/stages/normalise.js';
import type { StageContext } from '../../pipeline/stages/stage.js';
import {
  hanOnly,
  runStages,
  SEED_FILES,
  seedBytes,
  seedPath,
  seedText,
  SIMPLIFIED_SEEDS,
  stageContext,
  taiwanToMainland,
  TRADITIONAL_SEED,
} from '../support/seeds.js';

let context: StageContext;
const normalised = new Map<string, DocState>();
const textLayer = [ingest, clean, normalise];

beforeAll(() => {
  context = stageContext();
  for (const name of SEED_FILES) normalised.set(name, runStages(textLayer, seedPath(name), seedBytes(name), context));
});

const textOf = (name: string): string => normalised.get(name)!.text!;
const linesOf = (name: string): string[] => textOf(name).split('\n');

function normaliseText(text: string): DocState {
  return runStages(textLayer, 'synthetic.txt', new Uint8Array(Buffer.from(text)), context);
}

describe('normalise: layout spaces', () => {
  it('joins a letter-spaced word: 答     复 → 答复 (003), 索 引 号 → 索引号 and 有 效 性 → 有效性 (000)', () => {
    expect(linesOf(TRADITIONAL_SEED)).toContain('答复');
    expect(textOf(TRADITIONAL_SEED)).not.toMatch(/答\s+复/);
    expect(linesOf('000_723d0d538beac877.txt')[0]!.startsWith('索引号: 13502/2022-25477')).toBe(true);
    expect(linesOf('000_723d0d538beac877.txt')[1]).toContain('有效性');
  });

  it('keeps a single space that separates two phrases: 强化师资配备 凸显服务成效 (002)', () => {
    expect(linesOf('002_1064e609e7cb096d.txt')).toContain('三、强化师资配备 凸显服务成效');
  });

  it('keeps single spaces between fields and collapses runs of them (003 文号 line)', () => {
    expect(linesOf(TRADITIONAL_SEED)).toContain('岳县教体字〔2025〕23号 A1类 同意公开');
    expect(linesOf(TRADITIONAL_SEED)).toContain('来源:岳阳县教体局 2025-07-14');
  });

  it('removes spaces at line ends and beside Chinese punctuation, and the indentation of paragraphs', () => {
    const doc = normaliseText('  您好 !您提出的关于推进我市教育高质量发展的提案收悉 ,现答复如下:  \n\u3000\u3000一、 创新管理机制\n');
    expect(doc.text).toBe('您好!您提出的关于推进我市教育高质量发展的提案收悉,现答复如下:\n一、创新管理机制');
  });

  it('collapses runs of blank lines to one blank line', () => {
    expect(normaliseText('嶽陽縣教育體育局\n\n\n\n2025年4月21日').text).toBe('嶽陽縣教育體育局\n\n2025年4月21日');
    expect(textOf(TRADITIONAL_SEED)).not.toMatch(/\n{3,}/);
  });

  it('keeps a space between Latin words and digits: AB岗制度, 5G 智慧校园', () => {
    expect(normaliseText('探索建立 AB岗制度 ,方便教师。全面推动 5G智慧校园建设。').text).toBe('探索建立 AB岗制度,方便教师。全面推动 5G智慧校园建设。');
  });
});

describe('normalise: width folding', () => {
  it('folds full-width digits, Latin letters, ％ and the ideographic space to ASCII, one for one', () => {
    const doc = normaliseText('满意度达９５％以上,建设５Ｇ智慧校园,Ａ１类。\u3000第２５号');
    expect(doc.text).toBe('满意度达95%以上,建设5G智慧校园,A1类。第25号');
  });

  it('keeps full-width Chinese punctuation', () => {
    const text = '现答复如下：一、关于加大教育投入；（一）加强党对教育全面领导！';
    expect(normaliseText(text).text).toBe(text);
  });
});

describe('normalise: script', () => {
  it.each(SIMPLIFIED_SEEDS)('does not convert simplified seed %s: no Han character changes', (name) => {
    const doc = normalised.get(name)!;
    expect(doc.script).toEqual({ original: 'simplified', converted: false });
    const cleanedText = runStages([ingest, clean], seedPath(name), seedBytes(name), context).text!;
    expect(hanOnly(doc.text!)).toBe(hanOnly(cleanedText));
  });

  it('converts the traditional seed to simplified (003): opencc tw→cn has nothing left to change', () => {
    const doc = normalised.get(TRADITIONAL_SEED)!;
    expect(doc.script).toEqual({ original: 'traditional', converted: true });
    expect(taiwanToMainland(doc.text!)).toBe(doc.text);
    expect(doc.text).toContain('对县政协十四届四次会议第45号提案的答复');
    expect(doc.text).toContain('岳阳县教育体育局');
    expect(doc.text).not.toMatch(/[嶽陽縣體會議號複]/);
  });

  it('warns when traditional and simplified characters are mixed, and converts', () => {
    const traditional = '對縣政協十四屆四次會議第45號提案的答複。嶽陽縣教育體育局在充分聽取基層學校校長、教師以及機關幹部意見的基礎上,縱深推進。';
    const simplified = '为中小学教师减负是一项系统性工作,涉及多部门、多领域,必须强化统筹协调,发挥监管干预、评价导向作用。';
    const doc = normaliseText(`${traditional}\n${simplified}`);
    expect(doc.script).toEqual({ original: 'mixed', converted: true });
    expect(doc.messages).toContainEqual(expect.objectContaining({ level: 'warning', stage: 'normalise', code: 'mixed-script' }));
    expect(taiwanToMainland(doc.text!)).toBe(doc.text);
    expect(doc.text).toContain(simplified);
  });

  it('converts a traditional paragraph inside a simplified document, and only that paragraph', () => {
    // A paragraph of the traditional seed pasted at the end of a simplified seed: too few traditional characters
    // for the document to count as traditional or mixed, so the paragraph is found line by line.
    const paragraph = seedText(TRADITIONAL_SEED)
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length >= 100 && line.length <= 200)!;
    const host = seedText('004_56730d38a0832aa8.txt');
    const alone = normaliseText(host);
    const doc = normaliseText(`${host}\n${paragraph}`);
    expect(context.script.profile(`${host}\n${paragraph}`).script).toBe('simplified');
    expect(doc.script).toEqual({ original: 'mixed', converted: true });
    expect(doc.messages).toContainEqual(expect.objectContaining({ level: 'warning', stage: 'normalise', code: 'mixed-script', message: expect.stringContaining('1 line(s)') }));
    const lines = doc.text!.split('\n');
    expect(lines.slice(0, -1)).toEqual(alone.text!.split('\n')); // the simplified lines unchanged
    const last = lines.at(-1)!;
    expect(taiwanToMainland(last)).toBe(last);
    expect(last).not.toBe(paragraph);
    // The converted line still maps back to the pasted paragraph.
    const start = doc.text!.length - last.length;
    const [from, to] = spanToSource(doc.runs!, start, doc.text!.length);
    expect(doc.sourceText!.slice(from, to).trim()).toBe(paragraph);
  });

  it('does not take a few traditional-only characters in simplified text for a script (著, 乾)', () => {
    const text = '学校成效显著,乾净整洁的校园环境让家长满意。我市课后服务工作取得阶段性成果,受到广泛好评。';
    const doc = normaliseText(text);
    expect(doc.script).toEqual({ original: 'simplified', converted: false });
    expect(doc.text).toBe(text);
  });
});

describe('normalise: the offset map back to the source', () => {
  it.each(SEED_FILES)('maps every line of %s back to its source line', (name) => {
    const doc = normalised.get(name)!;
    const source = doc.sourceText!;
    const text = doc.text!;
    const traditional = name === TRADITIONAL_SEED;
    let start = 0;
    for (const line of text.split('\n')) {
      const end = start + line.length;
      if (line.trim() !== '') {
        const [from, to] = spanToSource(doc.runs!, start, end);
        let original = source.slice(from, to).replace(/关键词\d/g, '').replace(/^[nu](?=\p{Script=Han})/u, '');
        original = original.replace(/浏览数:次/, '');
        if (traditional) original = taiwanToMainland(original);
        expect(original.replace(/\s+/gu, ''), `line ${JSON.stringify(line)}`).toBe(line.replace(/\s+/gu, ''));
      }
      start = end + 1;
    }
  });
});

describe('normalise: the page title follows the text', () => {
  it('simplifies the <title> of a traditional HTML page and leaves a simplified one alone', () => {
    const page = (title: string, body: string): Uint8Array =>
      new Uint8Array(Buffer.from(`<html><head><title>${title}</title></head><body><div class="content"><p>${body}</p></div></body></html>`));
    const traditionalBody = seedText(TRADITIONAL_SEED).split('\n').filter((line) => line.trim().length > 60).slice(0, 3).join('</p><p>');
    const traditional = runStages(textLayer, 'page.html', page('對縣政協十四屆四次會議第45號提案的答複', traditionalBody), context);
    expect(traditional.script?.converted).toBe(true);
    expect(traditional.pageTitle).toBe('对县政协十四届四次会议第45号提案的答复');
    const simplified = runStages(textLayer, 'page.html', page('关于著作权保护的答复', '这是一份简体中文的答复正文,介绍了课后服务工作的开展情况和下一步打算。'), context);
    expect(simplified.script?.converted).toBe(false);
    expect(simplified.pageTitle).toBe('关于著作权保护的答复');
  });
});
