/**
 * 报名回执 下一步: which of the seeds' instructions apply after the desk (P3, B4, R1, W2,
 * 准考证打印, S4), decided from the receipt's own bookings and entries. The words are the
 * renderer's locale (receipt.next.*), taken from the seeds.
 */
import type { ReceiptBooking, ReceiptNextStep, ReceiptWaitlistEntry } from '../../../src-shared/ipc/receipt-views'

function step(id: ReceiptNextStep['id'], subjectName: string | null = null): ReceiptNextStep {
  return { id, subjectName }
}

export function receiptNextSteps(bookings: readonly ReceiptBooking[], waitlist: readonly ReceiptWaitlistEntry[]): ReceiptNextStep[] {
  if (bookings.length === 0 && waitlist.length === 0) return [step('noBooking')]
  const steps: ReceiptNextStep[] = []
  const written = bookings.some((b) => b.kind === 'written')
  if (bookings.some((b) => b.paymentStatus === 'unpaid')) steps.push(step('unpaid'))
  if (bookings.some((b) => b.pendingSync)) steps.push(step('pendingSync'))
  if (waitlist.some((e) => e.active)) steps.push(step('waitlist'))
  if (bookings.length > 0) steps.push(step('admissionTicket'))
  if (written) steps.push(step('examPlace'))
  // R1: the seeds name the report after the subject without 笔试 (纸质英语四级成绩报告单).
  for (const b of bookings) if (b.scoreReport === 'paper') steps.push(step('paperReport', b.subject.name.replace(/笔试$/, '')))
  if (written) steps.push(step('electronicReport'))
  return steps
}
