/** Binary searches over ascending lists of numbers (arrays or typed arrays of offsets). */

/** The first index whose value is at least `value`: `values.length` when none is. */
export function lowerBound(values: ArrayLike<number>, value: number, from = 0): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose value is above `value`: `values.length` when none is. */
export function upperBound(values: ArrayLike<number>, value: number, from = 0): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
