/**
 * Booking for the current visit: the 笔试/口试科目报考 tables (B1–B3), booking and cancelling
 * (B4, B5), the score-report choice (R1) and 删除报名信息 (B6). Main decides everything; each
 * action returns the fresh 报名信息, which goes to the visit store.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { OralOfferingsPage, ScoreReportChoice, WrittenOfferingsPage } from '../../src-shared/ipc/booking-views'
import type { RegistrationInfo } from '../../src-shared/ipc/contract'
import { fail, type Result } from '../../src-shared/domain/result'
import { api } from '../api'
import { t } from '../i18n'
import { useVisitStore } from './visit'

const noVisit = (): Result<never> => fail('NO_VISIT', t('errors.NO_VISIT'))

export const useBookingStore = defineStore('booking', () => {
  const written = ref<WrittenOfferingsPage | null>(null)
  const oral = ref<OralOfferingsPage | null>(null)

  function reset(): void {
    written.value = null
    oral.value = null
  }

  async function forVisit<T>(call: (visitId: string) => Promise<Result<T>>, apply: (value: T, visitId: string) => void): Promise<Result<T>> {
    const visit = useVisitStore()
    const id = visit.visitId
    if (id === null) return noVisit()
    const result = await call(id)
    if (result.ok && visit.visitId === id) apply(result.value, id)
    return result
  }

  const applyInfo = (info: RegistrationInfo, visitId: string): void => useVisitStore().applyInfo(visitId, info)

  function loadWritten(): Promise<Result<WrittenOfferingsPage>> {
    return forVisit((visitId) => api.getWrittenOfferings({ visitId }), (page) => (written.value = page))
  }

  function loadOral(): Promise<Result<OralOfferingsPage>> {
    return forVisit((visitId) => api.getOralOfferings({ visitId }), (page) => (oral.value = page))
  }

  /** B1–B4 */
  function book(offeringIds: string[]): Promise<Result<RegistrationInfo>> {
    return forVisit((visitId) => api.bookOfferings({ visitId, offeringIds }), applyInfo)
  }

  /** B5 */
  function cancel(bookingId: string): Promise<Result<RegistrationInfo>> {
    return forVisit((visitId) => api.cancelBooking({ visitId, bookingId }), applyInfo)
  }

  /** R1: called once both confirmations were given. */
  function saveScoreReports(choices: { bookingId: string; choice: ScoreReportChoice }[]): Promise<Result<RegistrationInfo>> {
    return forVisit((visitId) => api.saveScoreReportChoices({ visitId, choices, confirmed: true }), applyInfo)
  }

  /** B6: on success the visit is over; the caller goes home. */
  async function deleteRegistration(): Promise<Result<unknown>> {
    const result = await forVisit((visitId) => api.deleteRegistration({ visitId, confirmed: true }), () => undefined)
    if (result.ok) {
      reset()
      await useVisitStore().end()
    }
    return result
  }

  // K2: nothing of a candidate outlives their visit.
  watch(
    () => useVisitStore().visitId,
    () => reset(),
  )

  return { written, oral, reset, loadWritten, loadOral, book, cancel, saveScoreReports, deleteRegistration }
})
