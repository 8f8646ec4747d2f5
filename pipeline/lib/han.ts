/** Han characters of the Basic Multilingual Plane: CJK Unified Ideographs with Extension A, and the compatibility block. */
export function isBmpHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}
