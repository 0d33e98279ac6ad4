/**
 * 报名回执: the visit's candidate's receipt as main builds it. It belongs to the visit that asked
 * for it: once the visit ends (K2) the store shows nothing of it, even if an answer comes late.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { fail, type Result } from '../../src-shared/domain/result'
import type { ReceiptView } from '../../src-shared/ipc/receipt-views'
import { api } from '../api'
import { t } from '../i18n'
import { useVisitStore } from './visit'

export const useReceiptStore = defineStore('receipt', () => {
  const loaded = ref<{ visitId: string; receipt: ReceiptView } | null>(null)
  const visit = useVisitStore()

  const receipt = computed(() => (loaded.value !== null && loaded.value.visitId === visit.visitId ? loaded.value.receipt : null))

  async function load(): Promise<Result<ReceiptView>> {
    const visitId = visit.visitId
    if (visitId === null) return fail('NO_VISIT', t('receipt.noVisit'))
    const result = await api.getReceipt({ visitId })
    if (result.ok && visit.visitId === visitId) loaded.value = { visitId, receipt: result.value }
    return result
  }

  return { receipt, load }
})
