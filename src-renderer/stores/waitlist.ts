/**
 * The waitlist (W1–W4) and the CET6 qualification review (E5) for the current visit. Main decides
 * everything; 提交候补 and 取消候补 return the fresh 报名信息, which goes to the visit store.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { RegistrationInfo } from '../../src-shared/ipc/contract'
import type { Cet6ReviewView, WaitlistCancelReason } from '../../src-shared/ipc/waitlist-views'
import { fail, type Result } from '../../src-shared/domain/result'
import { api } from '../api'
import { t } from '../i18n'
import { useVisitStore } from './visit'

const noVisit = (): Result<never> => fail('NO_VISIT', t('errors.NO_VISIT'))

export const useWaitlistStore = defineStore('waitlist', () => {
  const review = ref<Cet6ReviewView | null>(null)
  /** W4: 查看已完成候补 / 隐藏已完成候补. */
  const showFinished = ref(false)

  function reset(): void {
    review.value = null
    showFinished.value = false
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

  /** W1: called after the confirmation. */
  function submit(offeringId: string): Promise<Result<RegistrationInfo>> {
    return forVisit((visitId) => api.submitWaitlist({ visitId, offeringId, confirmed: true }), applyInfo)
  }

  /** W3: called after the warning, with the chosen reason. */
  function cancel(entryId: string, reason: WaitlistCancelReason): Promise<Result<RegistrationInfo>> {
    return forVisit((visitId) => api.cancelWaitlist({ visitId, entryId, reason }), applyInfo)
  }

  /** E5 */
  function loadReview(): Promise<Result<Cet6ReviewView>> {
    return forVisit((visitId) => api.getCet6Review({ visitId }), (value) => (review.value = value))
  }

  /** E5: a pass adds 英语六级笔试 to the candidate's 资格科目 at once. */
  function submitReview(ticketNumber: string): Promise<Result<{ review: Cet6ReviewView }>> {
    return forVisit(
      (visitId) => api.submitCet6Review({ visitId, ticketNumber }),
      (value) => {
        review.value = value.review
        const visit = useVisitStore()
        visit.candidate = value.candidate
        if (visit.info !== null) void visit.loadInfo()
      },
    )
  }

  // K2: nothing of a candidate outlives their visit.
  watch(
    () => useVisitStore().visitId,
    () => reset(),
  )

  return { review, showFinished, reset, submit, cancel, loadReview, submitReview }
})
