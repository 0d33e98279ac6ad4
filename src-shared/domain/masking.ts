/**
 * K3: personal values on screens where the full value is not needed. The seeds show an ID
 * number as 1200****0008 and the bound phone as 199****0037: enough for the candidate to
 * recognise their own, too little for a passer-by to use.
 */
export { maskPhone } from './eligibility'

const STARS = '****'

/** Keeps 4 characters at each end of a long number, fewer of a short one, and always hides some. */
export function maskIdNumber(idNumber: string): string {
  const n = idNumber.length
  if (n <= 2) return STARS
  const keep = n >= 11 ? 4 : Math.max(1, Math.floor(n / 4))
  return idNumber.slice(0, keep) + STARS + idNumber.slice(n - keep)
}

export const REVEALABLE_FIELDS = ['idNumber', 'phone'] as const
export type RevealableField = (typeof REVEALABLE_FIELDS)[number]

/** K3 on lists (e.g. 同步异常): the surname and, for longer names, the last character: 蓝*天, 王*. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}
