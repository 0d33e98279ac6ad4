/**
 * 日报表: a supervisor's view of the office's day (K1), computed by main from the kiosk's own
 * store. The day is the exam authority's calendar day (UTC+8). Money is integer fen.
 */
import { z } from 'zod'
import { isoTime, subjectCodeSchema } from '../schemas'

/** A calendar day, YYYY-MM-DD, in UTC+8. */
export const reportDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD。')

export const dayReportInputSchema = z.object({ date: reportDateSchema.optional() }).strict()
export type DayReportInput = z.infer<typeof dayReportInputSchema>

const codeName = z.object({ code: z.string(), name: z.string() })
const count = z.number().int().nonnegative()
const fen = z.number().int().nonnegative()

export const dayReportSchema = z.object({
  date: reportDateSchema,
  /** The instants the day runs between: [from, to). */
  from: isoTime,
  to: isoTime,
  generatedAt: isoTime,
  /** K2: visits started that day, and how many reached a candidate (eligibility found). */
  visits: count,
  candidatesServed: count,
  /** Candidates whose registration was confirmed that day (E4). */
  registrationsConfirmed: count,
  /** B1–B3: bookings made that day at this kiosk's schools, by subject and campus. */
  bookingsBySubject: z.array(z.object({ subject: z.object({ code: subjectCodeSchema, name: z.string() }), count })),
  bookingsByCampus: z.array(z.object({ school: codeName, campus: codeName, count })),
  bookingsTotal: count,
  /** P3: of the bookings made that day, paid and still unpaid (expired/cancelled ones apart). */
  payments: z.object({
    paidCount: count,
    paidCents: fen,
    unpaidCount: count,
    unpaidCents: fen,
    /** Gone that day without payment (B4 expiry, B5 cancellation). */
    endedCount: count,
  }),
  /** W1–W3: entries submitted and cancelled at this desk that day, and promotions it learnt of. */
  waitlist: z.object({ submitted: count, cancelled: count, promoted: count }),
  /** K1: audit rows whose outcome was refused, by action. */
  refusals: z.array(z.object({ action: z.string(), count })),
  refusalsTotal: count,
  /** S4/S5: changes still waiting for the central now, and sync issues staff must see (S6). */
  pendingSyncItems: count,
  syncIssues: count,
  /** K2: visits started per hour of the day, 0–23. */
  visitsByHour: z.array(count).length(24),
})
export type DayReport = z.infer<typeof dayReportSchema>

export const dayReportCsvSchema = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() })
export type DayReportCsv = z.infer<typeof dayReportCsvSchema>
