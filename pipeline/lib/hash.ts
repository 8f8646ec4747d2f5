/**
 * FNV-1a over the UTF-16 code units of text[start, end), as a 32-bit signed integer: the hash of the open-addressing
 * tables that look words up in place (measure-table.ts, idf-table.ts), without making a string of them.
 */
export function fnv1a(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
