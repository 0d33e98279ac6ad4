/**
 * E5: CET6 qualification review (CET6资格复核). A candidate without 英语六级笔试 eligibility gives
 * the 准考证号 of a passed CET4; the result is immediate. Free of any runtime: the central passes
 * the score record it found (or none).
 *
 * A CET 准考证号 has 15 digits: test-centre code (6), year (2) and half-year (1) of the exam, level
 * (1 = CET4, 2 = CET6), room (3), seat (2). Years 87–99 are 19xx, the rest 20xx.
 */
import { normaliseIdNumber } from './id-documents'
import { refuse } from './reasons'
import { fail, ok, type Result } from './result'

/** E5: the CET4 total score (of 710) that counts as passed. */
export const CET4_PASS_LINE = 425
/** E5: CET4 results from before this year cannot be checked online. */
export const FIRST_REVIEWABLE_YEAR = 2005
export const CET6_WRITTEN_CODE = '2'

export const CET6_REVIEW_STATUSES = ['passed', 'pending', 'refused'] as const
export type Cet6ReviewStatus = (typeof CET6_REVIEW_STATUSES)[number]

export const CET4_TICKET_PATTERN = /^\d{15}$/

/** A CET4 score record as the exam authority keeps it. */
export interface Cet4ScoreRecord {
  readonly ticketNumber: string
  readonly idNumber: string
  readonly totalScore: number
}

export interface Cet6ReviewOutcome {
  readonly status: Cet6ReviewStatus
  /** One sentence for the candidate. */
  readonly message: string
}

export interface TicketFacts {
  readonly year: number
  /** 1 = CET4, 2 = CET6 (other digits: not a CET written ticket). */
  readonly level: number
}

/** E5: the exam year and level a 准考证号 encodes; null when it is not 15 digits. */
export function parseCetTicket(ticketNumber: string): TicketFacts | null {
  if (!CET4_TICKET_PATTERN.test(ticketNumber)) return null
  const yy = Number(ticketNumber.slice(6, 8))
  return { year: yy >= 87 ? 1900 + yy : 2000 + yy, level: Number(ticketNumber.slice(9, 10)) }
}

/** E5: the words of each outcome on the screen. */
export function cet6ReviewStatusLabel(status: Cet6ReviewStatus): string {
  switch (status) {
    case 'passed':
      return '复核通过'
    case 'pending':
      return '未复核'
    case 'refused':
      return '复核未通过'
  }
}

/** E5, once-only: a candidate already eligible, or who already submitted, cannot submit. */
export function checkCanSubmitCet6Review(
  eligibleSubjectCodes: readonly string[],
  existing: { readonly status: Cet6ReviewStatus } | null,
): Result<void> {
  if (existing?.status === 'passed') return refuse('ALREADY_CET6_ELIGIBLE', { code: 'cet6Passed' })
  if (eligibleSubjectCodes.includes(CET6_WRITTEN_CODE)) return refuse('ALREADY_CET6_ELIGIBLE', { code: 'cet6AlreadyEligible' })
  if (existing?.status === 'pending') return refuse('REVIEW_ALREADY_SUBMITTED', { code: 'cet6Pending' })
  if (existing) return refuse('REVIEW_ALREADY_SUBMITTED', { code: 'cet6OnceOnly' })
  return ok(undefined)
}

/** E5: the ticket must be 15 digits before anything is looked up (not a submission). */
export function checkCet4TicketFormat(ticketNumber: string): Result<string> {
  const t = ticketNumber.trim()
  return CET4_TICKET_PATTERN.test(t) ? ok(t) : fail('TICKET_FORMAT', '准考证号为15位数字，请核对后重新输入。')
}

/**
 * E5: the immediate result of a review: refused before 2005 (contact the school), when the ticket
 * is not a CET4 one, not found, or below the line; 未复核 when the record belongs to another ID
 * number (the school reviews it by hand); passed otherwise.
 */
export function assessCet6Review(ticketNumber: string, candidateIdNumber: string, record: Cet4ScoreRecord | undefined): Cet6ReviewOutcome {
  const ticket = parseCetTicket(ticketNumber)
  if (ticket === null) return { status: 'refused', message: '准考证号为15位数字，请核对后重新输入。' }
  if (ticket.year < FIRST_REVIEWABLE_YEAR)
    return { status: 'refused', message: `${FIRST_REVIEWABLE_YEAR}年以前的英语四级成绩无法在线复核，请联系学校。` }
  if (ticket.level !== 1) return { status: 'refused', message: '该准考证号不是英语四级笔试的准考证号。' }
  if (!record) return { status: 'refused', message: '未查到该准考证号的英语四级成绩，如有疑问请联系学校。' }
  if (record.totalScore < CET4_PASS_LINE)
    return {
      status: 'refused',
      message: `该准考证号的英语四级成绩为${record.totalScore}分，未达到${CET4_PASS_LINE}分，不能报考英语六级笔试。`,
    }
  if (normaliseIdNumber(record.idNumber) !== normaliseIdNumber(candidateIdNumber))
    return { status: 'pending', message: '该准考证号的成绩记录与考生证件号码不一致，已提交学校人工复核。' }
  return { status: 'passed', message: '复核通过，已增加英语六级笔试报考资格。' }
}
