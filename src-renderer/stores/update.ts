/**
 * K6: what staff see of automatic updates (main decides everything; this only shows it),
 * refreshed by one disposable polling timer owned by App.vue.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { UpdateStatus } from '../../src-shared/ipc/update-status'
import { api } from '../api'

export const UPDATE_POLL_INTERVAL_MS = 30_000

/** States worth a line on screen; idle, checking and disabled stay quiet. */
const SHOWN: ReadonlySet<UpdateStatus['state']> = new Set(['downloading', 'ready', 'installing', 'error'])

export const useUpdateStore = defineStore('update', () => {
  const status = ref<UpdateStatus | null>(null)
  const shown = computed(() => status.value !== null && SHOWN.has(status.value.state))

  async function refresh(): Promise<void> {
    const result = await api.getUpdateStatus({})
    // An unreachable main is already shown by the link state; keep the last known update state.
    if (result.ok) status.value = result.value
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  let generation = 0

  function stopPolling(): void {
    generation++
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  /** Refreshes now and then every interval; ticks never overlap. Returns the stop function. */
  function startPolling(intervalMs = UPDATE_POLL_INTERVAL_MS): () => void {
    stopPolling()
    const mine = generation
    const tick = (): void => {
      // api answers Results and never rejects; whatever happens, the polling carries on.
      void refresh()
        .catch(() => undefined)
        .finally(() => {
          if (generation === mine) timer = setTimeout(tick, intervalMs)
        })
    }
    tick()
    return stopPolling
  }

  return { status, shown, refresh, startPolling, stopPolling }
})
