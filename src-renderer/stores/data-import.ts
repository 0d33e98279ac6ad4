/**
 * 数据导入 (supervisor only): starts an import in main (the roster or 报考科目信息 from a CSV, or
 * the roster from the central's download) and follows it with one disposable polling timer until
 * it ends. Progress, rows/s and time left are main's figures.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ImportProgress } from '../../src-shared/ipc/contract'
import type { Result } from '../../src-shared/domain/result'
import { api } from '../api'
import { errorText } from '../labels'

export const IMPORT_POLL_INTERVAL_MS = 500

export type ImportSourceForm = { kind: 'file'; path: string } | { kind: 'text'; text: string } | { kind: 'central' }
export type ImportWhat = 'roster' | 'offerings'

export const useDataImportStore = defineStore('dataImport', () => {
  const progress = ref<ImportProgress | null>(null)
  const error = ref<string | null>(null)
  const running = computed(() => progress.value?.state === 'running')

  let timer: ReturnType<typeof setTimeout> | null = null
  let generation = 0

  function stopPolling(): void {
    generation++
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  async function refresh(): Promise<void> {
    const result = await api.getRosterImportProgress({})
    if (result.ok) {
      progress.value = result.value
      error.value = null
    } else error.value = errorText(result.error)
  }

  /** Polls while an import runs; ticks never overlap and stop once it has ended. */
  function follow(intervalMs = IMPORT_POLL_INTERVAL_MS): void {
    stopPolling()
    const mine = generation
    const tick = (): void => {
      void refresh().finally(() => {
        if (generation === mine && running.value) timer = setTimeout(tick, intervalMs)
      })
    }
    timer = setTimeout(tick, intervalMs)
  }

  /** The central's download brings the roster only. */
  async function start(what: ImportWhat, source: ImportSourceForm, intervalMs = IMPORT_POLL_INTERVAL_MS): Promise<Result<ImportProgress>> {
    const result =
      what === 'offerings' && source.kind !== 'central'
        ? await api.startOfferingImport({ source })
        : await api.startRosterImport({ source })
    if (!result.ok) {
      error.value = errorText(result.error)
      return result
    }
    progress.value = result.value
    error.value = null
    follow(intervalMs)
    return result
  }

  function errorReport(): Promise<Result<{ fileName: string; csv: string; rows: number }>> {
    return api.getRosterImportErrorReport({})
  }

  return { progress, error, running, refresh, start, follow, stopPolling, errorReport }
})
