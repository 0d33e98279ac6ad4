/** Fees cross from main as integer fen; the seeds print yuan with two decimals (¥0.10). */
export function yuan(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(cents))
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** "¥0.10" */
export function yuanSign(cents: number): string {
  return `¥${yuan(cents)}`
}
