/** "−1" with a real minus sign (the hyphen looks like a dash in Japanese text). */
export function pts(n: number): string {
  return n < 0 ? `−${-n}` : String(n);
}

/** A change with its sign: "+8", "−3", "±0". */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${-n}`;
  return '±0';
}
