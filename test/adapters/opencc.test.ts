import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { ChineseScript } from '../../pipeline/adapters/opencc.js';

describe('ChineseScript: script-only character sets', () => {
  const script = new ChineseScript();

  it("classes every CJK unified ideograph as OpenCC's full tw ↔ cn converters do, character by character", () => {
    // The adapter loads only OpenCC's character tables for the simplified → traditional check; the full
    // converters (with phrase tables) must agree on each character standing alone.
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const disagreements: string[] = [];
    let traditional = 0;
    let simplified = 0;
    for (let code = 0x4e00; code <= 0x9fff; code++) {
      const char = String.fromCharCode(code);
      const expected = toSimplified(char) !== char ? 'traditional' : toTraditional(char) !== char ? 'simplified' : 'shared';
      const profile = script.profile(char);
      const actual = profile.traditionalOnly ? 'traditional' : profile.simplifiedOnly ? 'simplified' : 'shared';
      if (actual !== expected) disagreements.push(`${char} ${actual} ≠ ${expected}`);
      if (expected === 'traditional') traditional++;
      if (expected === 'simplified') simplified++;
    }
    expect(disagreements).toEqual([]);
    expect(traditional).toBeGreaterThan(2000);
    expect(simplified).toBeGreaterThan(2000);
  });

  it('tells a traditional sentence from its simplified form', () => {
    expect(script.profile('關於進一步減輕義務教育階段學生作業負擔和校外培訓負擔的意見').script).toBe('traditional');
    expect(script.profile('关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见').script).toBe('simplified');
  });
});
