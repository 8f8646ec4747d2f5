/** The character screens of rule patterns: what a pattern requires, and that a screen never rejects a match. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstChars, firstRule, headMatcher, requiredChars, screenedTest } from '../../pipeline/lib/measure-regex.js';
import * as rules from '../../pipeline/lib/measure-rules.js';
import { STATUS_RULES } from '../../pipeline/lib/measure-status.js';

const chars = (pattern: RegExp): string | null => {
  const need = requiredChars(pattern);
  return need ? [...need].map((code) => String.fromCharCode(code)).sort().join('') : null;
};

describe('requiredChars', () => {
  it('takes the smallest part a branch cannot skip, over every branch', () => {
    expect(chars(/下一步|今后|(?<![工作])计划(?![,，])|拟(?!定)/)).toBe([...'下今计拟'].sort().join(''));
    expect(chars(/(取得|收到)(了)?(良好|明显)的?(效益|成效)/)).toBe([...'取收'].sort().join(''));
    expect(chars(/^[一二三四五六七八九十]{1,3}[、.．](?![0-9])/)).toBe([...'、.．'].sort().join(''));
    expect(chars(/共(计)?[^,，。]{0,12}[0-9]/)).toBe('共');
  });

  it('knows no need where a branch may be anything', () => {
    expect(chars(/[?？]|\s+$/)).toBeNull();
    expect(chars(/a?b*/)).toBeNull();
    expect(chars(/[^,，]{2}|是/)).toBeNull();
    expect(chars(/(?=是)/)).toBeNull();
  });

  it('never rejects a span the pattern matches, on every rule and every line of the seeds', () => {
    const patterns = [
      ...rules.NOT_A_MEASURE.map((rule) => rule.pattern),
      ...rules.NON_CONTENT_LINES.map((rule) => rule.pattern),
      ...rules.LIST_MARKERS.map((rule) => rule.pattern),
      ...STATUS_RULES.map((rule) => rule.pattern),
      rules.QUOTATION,
      rules.LIST_INTRO,
      rules.RULE_CUE,
      rules.FRAME_PIECE,
      rules.PURPOSE_CLAUSE,
      rules.LEAD_SOURCE,
    ];
    const lines = readdirSync('corpus/seeds').flatMap((file) => readFileSync(`corpus/seeds/${file}`, 'utf8').split(/\n|(?<=[。；，,])/));
    for (const pattern of patterns) {
      const test = screenedTest(pattern);
      for (const line of lines) expect(test(line), `${pattern} on ${line}`).toBe(pattern.test(line));
    }
    const first = firstRule(STATUS_RULES, (rule) => rule.pattern);
    for (const line of lines) expect(first(`。${line}。`, 1, line.length + 1)).toBe(STATUS_RULES.find((rule) => rule.pattern.test(line)));
  });
});

describe('firstChars', () => {
  const first = (pattern: RegExp): string | null => {
    const set = firstChars(pattern);
    return set ? [...set].map((code) => String.fromCharCode(code)).sort().join('') : null;
  };

  it('reads the first part of every anchored branch, into groups', () => {
    expect(first(/^(同时|此外)[,，]/)).toBe([...'同此'].sort().join(''));
    expect(first(/^(?:[(（][0-9]|第[一二])/)).toBe([...'(（第'].sort().join(''));
  });

  it('knows nothing of a branch that is not anchored, may be skipped or match empty', () => {
    expect(first(/^a|b/)).toBeNull();
    expect(first(/^a?b/)).toBeNull();
    expect(first(/^(?=a)a/)).toBeNull();
    expect(first(/^$/)).toBeNull();
  });

  it('lets headMatcher skip only spans the pattern cannot match', () => {
    const match = headMatcher(rules.LEADING_CONNECTIVE, 24);
    const lines = readdirSync('corpus/seeds').flatMap((file) => readFileSync(`corpus/seeds/${file}`, 'utf8').split(/[。；\n]/));
    for (const line of lines) expect(match(`。${line}`, 1, line.length + 1)?.[0]).toBe(rules.LEADING_CONNECTIVE.exec(line.slice(0, 24))?.[0]);
  });
});
