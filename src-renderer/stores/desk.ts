/**
 * The desk: who is signed in (K1), which exam session it serves, and the link to the central
 * service (S5), refreshed by one disposable polling timer.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DeskStatus, LinkStatus, OperatorView } from '../../src-shared/ipc/contract'
import type { Result } from '../../src-shared/domain/result'
import type { ExamSession } from '../../src-shared/schemas'
import { api } from '../api'
import { errorText } from '../labels'
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../idle-timeout'

export const LINK_POLL_INTERVAL_MS = 5_000

export const useDeskStore = defineStore('desk', () => {
  const operator = ref<OperatorView | null>(null)
  const examSession = ref<ExamSession | null>(null)
  const link = ref<LinkStatus | null>(null)
  /** Set when main could not be reached for the desk status; cleared by the next success. */
  const statusError = ref<string | null>(null)
  const loaded = ref(false)
  /** K2: main's configured idle time for a visit. */
  const idleTimeoutSeconds = ref(DEFAULT_IDLE_TIMEOUT_SECONDS)

  async function refresh(): Promise<Result<DeskStatus>> {
    const result = await api.getDeskStatus({})
    if (result.ok) {
      operator.value = result.value.operator
      examSession.value = result.value.examSession
      link.value = result.value.link
      idleTimeoutSeconds.value = result.value.idleTimeoutSeconds
      statusError.value = null
    } else {
      statusError.value = errorText(result.error)
    }
    loaded.value = true
    return result
  }

  let firstLoad: Promise<unknown> | null = null
  /** The router guard's first question: one request however many navigations ask at once. */
  async function ensureLoaded(): Promise<void> {
    if (loaded.value) return
    firstLoad ??= refresh().finally(() => (firstLoad = null))
    await firstLoad
  }

  async function signIn(username: string, password: string): Promise<Result<OperatorView>> {
    const result = await api.signIn({ username, password })
    if (result.ok) {
      operator.value = result.value
      await refresh()
    }
    return result
  }

  async function signOut(): Promise<Result<unknown>> {
    const result = await api.signOut({})
    if (result.ok) operator.value = null
    return result
  }

  // One timer at most. Each tick schedules the next only after its request settles, so ticks
  // never overlap; the generation makes a stop (or restart) win over a tick still in flight.
  let timer: ReturnType<typeof setTimeout> | null = null
  let generation = 0

  function stopLinkPolling(): void {
    generation++
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  /** Starts polling the desk status; returns the function that stops it. */
  function startLinkPolling(intervalMs = LINK_POLL_INTERVAL_MS): () => void {
    stopLinkPolling()
    const mine = generation
    const schedule = (): void => {
      timer = setTimeout(() => {
        timer = null
        void refresh().finally(() => {
          if (generation === mine) schedule()
        })
      }, intervalMs)
    }
    schedule()
    return stopLinkPolling
  }

  return {
    operator,
    examSession,
    link,
    statusError,
    loaded,
    idleTimeoutSeconds,
    refresh,
    ensureLoaded,
    signIn,
    signOut,
    startLinkPolling,
    stopLinkPolling,
  }
})
