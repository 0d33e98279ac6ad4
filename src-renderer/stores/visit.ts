/**
 * The current candidate's visit: from accepting the agreement (E1) through lookup (E2, E3) and
 * confirmation (E4) to the registration info page (I1). One candidate at a time: `reset` and
 * `end` leave no trace of the candidate in the renderer (K2).
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CandidateView, RegistrationInfo } from '../../src-shared/ipc/contract'
import { fail, ok, type Result } from '../../src-shared/domain/result'
import type { IdType } from '../../src-shared/domain/id-documents'
import type { RevealableField } from '../../src-shared/domain/masking'
import { api } from '../api'
import { t } from '../i18n'

export interface EligibilityQuery {
  idType: IdType
  idNumber: string
  name: string
}

/** How often the open 报名信息 page asks main again (B4 expiries, P3 payments). */
export const INFO_POLL_INTERVAL_MS = 3_000

const noVisit = (): Result<never> => fail('NO_VISIT', t('errors.NO_VISIT'))

export const useVisitStore = defineStore('visit', () => {
  const visitId = ref<string | null>(null)
  const candidate = ref<CandidateView | null>(null)
  const info = ref<RegistrationInfo | null>(null)
  /** K3: full values the operator chose to see (显示); main returns them masked otherwise. */
  const revealed = ref<Partial<Record<RevealableField, string>>>({})
  const active = computed(() => visitId.value !== null)

  /** K2: forgets everything about the candidate. */
  function reset(): void {
    stopInfoPolling()
    visitId.value = null
    candidate.value = null
    info.value = null
    revealed.value = {}
  }

  /**
   * Runs a call for the current visit and applies its answer only if that visit is still the
   * current one: an answer arriving after `reset` must not bring the candidate back (K2).
   */
  async function forVisit<T>(call: (id: string) => Promise<Result<T>>, apply: (value: T) => void): Promise<Result<T>> {
    const id = visitId.value
    if (id === null) return noVisit()
    const result = await call(id)
    if (result.ok && visitId.value === id) apply(result.value)
    return result
  }

  /** E1: accepting the agreement starts a visit. */
  async function start(agreementVersion: string): Promise<Result<{ visitId: string }>> {
    reset()
    const result = await api.acceptAgreement({ version: agreementVersion, accepted: true })
    if (result.ok) visitId.value = result.value.visitId
    return result
  }

  /** E2, E3 */
  function lookup(query: EligibilityQuery): Promise<Result<CandidateView>> {
    return forVisit(
      (id) => api.lookupEligibility({ visitId: id, ...query }),
      (found) => {
        candidate.value = found
        info.value = null
        revealed.value = {}
      },
    )
  }

  /** E4: both confirmations were given in the dialogs before this is called. */
  function confirm(): Promise<Result<RegistrationInfo>> {
    return forVisit(
      (id) => api.confirmRegistration({ visitId: id, phoneConfirmed: true, recordConfirmed: true }),
      (saved) => {
        info.value = saved
        candidate.value = saved.candidate
      },
    )
  }

  /** I1 */
  function loadInfo(): Promise<Result<RegistrationInfo>> {
    return forVisit(
      (id) => api.getRegistrationInfo({ visitId: id }),
      (loaded) => {
        info.value = loaded
        candidate.value = loaded.candidate
      },
    )
  }

  /** Applies a fresh 报名信息 that main returned with an action, if it is still this visit's. */
  function applyInfo(forVisitId: string, loaded: RegistrationInfo): void {
    if (visitId.value !== forVisitId) return
    info.value = loaded
    candidate.value = loaded.candidate
  }

  // B4, P3: while the 报名信息 page is open it follows main (expiries, payments landing) with
  // one timer; each tick schedules the next only after its answer, so ticks never overlap.
  let pollTimer: ReturnType<typeof setTimeout> | null = null
  let pollGeneration = 0

  function stopInfoPolling(): void {
    pollGeneration++
    if (pollTimer !== null) clearTimeout(pollTimer)
    pollTimer = null
  }

  function startInfoPolling(intervalMs = INFO_POLL_INTERVAL_MS): () => void {
    stopInfoPolling()
    const mine = pollGeneration
    const schedule = (): void => {
      pollTimer = setTimeout(() => {
        pollTimer = null
        void loadInfo().finally(() => {
          if (pollGeneration === mine) schedule()
        })
      }, intervalMs)
    }
    schedule()
    return stopInfoPolling
  }

  /** K3: asks main for one full value on purpose (main audits it). */
  function reveal(field: RevealableField): Promise<Result<{ field: RevealableField; value: string }>> {
    return forVisit(
      (id) => api.revealCandidateField({ visitId: id, field }),
      (shown) => (revealed.value = { ...revealed.value, [shown.field]: shown.value }),
    )
  }

  /** K2: the renderer forgets the candidate at once, then main is told. */
  async function end(): Promise<Result<unknown>> {
    const id = visitId.value
    reset()
    return id === null ? ok({}) : api.endVisit({ visitId: id })
  }

  return {
    visitId,
    candidate,
    info,
    revealed,
    active,
    reset,
    reveal,
    start,
    lookup,
    confirm,
    loadInfo,
    applyInfo,
    startInfoPolling,
    stopInfoPolling,
    end,
  }
})
