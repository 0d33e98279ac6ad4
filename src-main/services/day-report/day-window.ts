/** 日报表: the office's day is the exam authority's calendar day, UTC+8 (as the seeds print times). */
import { formatBeijingMinute } from '../../../src-shared/domain/booking-rules'
import type { DayWindow } from '../../store/day-report-repository'

const HOUR_MS = 60 * 60 * 1000

/** "2026-09-10" for an instant. */
export function beijingDate(at: Date): string {
  return formatBeijingMinute(at).slice(0, 10)
}

/** [00:00, 24:00) of a UTC+8 calendar day; null for a date that does not exist. */
export function dayWindow(date: string): DayWindow | null {
  const from = new Date(`${date}T00:00:00+08:00`)
  if (Number.isNaN(from.getTime()) || beijingDate(from) !== date) return null
  return { from, to: new Date(from.getTime() + 24 * HOUR_MS) }
}

/** 0–23, the UTC+8 hour of an instant. */
export function beijingHour(iso: string): number {
  return new Date(Date.parse(iso) + 8 * HOUR_MS).getUTCHours()
}
