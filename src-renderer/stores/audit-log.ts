/**
 * K1, supervisor only: the 审计日志 screen. The filter is kept here; the dates the screen offers
 * (起始日期 / 结束日期, local days) become an inclusive time range for main.
 */
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { AuditEntryView, AuditFilter } from '../../src-shared/ipc/contract'
import type { Result } from '../../src-shared/domain/result'
import { api } from '../api'
import { errorText } from '../labels'

export interface AuditFilterForm {
  operatorId: number | null
  candidateId: string
  action: string
  /** yyyy-mm-dd, local day; '' for no bound. */
  fromDate: string
  toDate: string
}

export const AUDIT_PAGE_SIZE = 200

function emptyForm(): AuditFilterForm {
  return { operatorId: null, candidateId: '', action: '', fromDate: '', toDate: '' }
}

/** The form as main's filter: local days become the first and last instant of those days. */
export function toAuditFilter(form: AuditFilterForm): AuditFilter {
  const filter: AuditFilter = {}
  if (form.operatorId !== null) filter.operatorId = form.operatorId
  if (form.candidateId.trim() !== '') filter.candidateId = form.candidateId.trim()
  if (form.action !== '') filter.action = form.action
  if (form.fromDate !== '') filter.from = new Date(`${form.fromDate}T00:00:00`).toISOString()
  if (form.toDate !== '') filter.to = new Date(`${form.toDate}T23:59:59.999`).toISOString()
  return filter
}

export const useAuditLogStore = defineStore('auditLog', () => {
  const form = reactive<AuditFilterForm>(emptyForm())
  const entries = ref<AuditEntryView[]>([])
  const total = ref(0)
  const error = ref<string | null>(null)

  async function load(): Promise<Result<unknown>> {
    const result = await api.listAuditLog({ ...toAuditFilter(form), limit: AUDIT_PAGE_SIZE })
    if (result.ok) {
      entries.value = result.value.entries
      total.value = result.value.total
      error.value = null
    } else error.value = errorText(result.error)
    return result
  }

  /** The CSV of everything the filter matches (not just the page shown). */
  function exportCsv(): Promise<Result<{ fileName: string; csv: string; rows: number }>> {
    return api.exportAuditLog(toAuditFilter(form))
  }

  function reset(): void {
    Object.assign(form, emptyForm())
    entries.value = []
    total.value = 0
    error.value = null
  }

  return { form, entries, total, error, load, exportCsv, reset }
})
