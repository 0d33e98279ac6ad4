/**
 * S6: 同步异常, the changes the central refused after they left the desk (any signed-in staff).
 * Main keeps them and audits 知道了; this store only lists and acknowledges.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { SyncIssue } from '../../src-shared/ipc/sync-views'
import type { Result } from '../../src-shared/domain/result'
import { api } from '../api'

export const useSyncIssuesStore = defineStore('syncIssues', () => {
  const issues = ref<SyncIssue[]>([])
  /** Also list the ones already acknowledged (显示已处理). */
  const includeAcknowledged = ref(false)

  async function load(): Promise<Result<SyncIssue[]>> {
    const result = await api.listSyncIssues({ includeAcknowledged: includeAcknowledged.value })
    if (result.ok) issues.value = result.value
    return result
  }

  async function acknowledge(id: number): Promise<Result<SyncIssue>> {
    const result = await api.acknowledgeSyncIssue({ id })
    if (result.ok) {
      issues.value = includeAcknowledged.value
        ? issues.value.map((issue) => (issue.id === id ? result.value : issue))
        : issues.value.filter((issue) => issue.id !== id)
    }
    return result
  }

  function clear(): void {
    issues.value = []
  }

  return { issues, includeAcknowledged, load, acknowledge, clear }
})
