/** Han characters of the Basic Multilingual Plane: CJK Unified Ideographs with Extension A, and the compatibility block. */
export function isBmpHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** A character of Unicode's Han script, as `\p{Script=Han}` reads it. */
const SCRIPT_HAN = /^\p{Script=Han}$/u;

/**
 * 1 for each UTF-16 code unit that is a Han character on its own (a lone surrogate is not), built once per thread:
 * a Unicode regex per character costs more than the scans that ask.
 */
const SCRIPT_HAN_CODES = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) if (SCRIPT_HAN.test(String.fromCharCode(code))) table[code] = 1;
  return table;
})();

/** Whether one UTF-16 code unit is a Han character, as `/\p{Script=Han}/u` reads it alone. */
export const isHanCode = (code: number): boolean => SCRIPT_HAN_CODES[code] === 1;

/**
 * How many characters of `text` are of the Han script, exactly as counting the matches of `/\p{Script=Han}/gu`
 * would, without making an array of them: BMP characters by table, surrogate pairs (Extensions B and later) by
 * the regex, and a lone surrogate counts as nothing.
 */
export function countScriptHan(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (SCRIPT_HAN.test(text.slice(i, i + 2))) count++;
        i++;
        continue;
      }
    }
    count += SCRIPT_HAN_CODES[code]!;
  }
  return count;
}
