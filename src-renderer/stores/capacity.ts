/**
 * W2, supervisors only: 容量管理. Main refuses both operations to an operator (FORBIDDEN); raising
 * an offering's capacity lets the central promote its waiting entries at once.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CapacityRow } from '../../src-shared/ipc/waitlist-views'
import type { Result } from '../../src-shared/domain/result'
import { api } from '../api'

export const useCapacityStore = defineStore('capacity', () => {
  const rows = ref<CapacityRow[]>([])

  async function load(): Promise<Result<CapacityRow[]>> {
    const result = await api.listOfferingCapacity({})
    if (result.ok) rows.value = result.value
    return result
  }

  async function raise(offeringId: string, capacity: number): Promise<Result<CapacityRow>> {
    const result = await api.raiseOfferingCapacity({ offeringId, capacity })
    if (result.ok) rows.value = rows.value.map((r) => (r.offeringId === offeringId ? result.value : r))
    return result
  }

  return { rows, load, raise }
})
