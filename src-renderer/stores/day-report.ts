/**
 * 日报表 (K1, supervisors only): the chosen day's report as main computes it, and its CSV, which
 * the browser saves as a file (as 审计日志's 导出CSV does). The day defaults to main's today.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Result } from '../../src-shared/domain/result'
import type { DayReport, DayReportCsv } from '../../src-shared/ipc/day-report-views'
import { api } from '../api'

export function saveCsv(file: { fileName: string; csv: string }): void {
  const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  URL.revokeObjectURL(url)
}

export const useDayReportStore = defineStore('dayReport', () => {
  const report = ref<DayReport | null>(null)
  /** YYYY-MM-DD; empty until main has said which day today is. */
  const date = ref('')

  async function load(day?: string): Promise<Result<DayReport>> {
    const result = await api.getDayReport(day ? { date: day } : {})
    if (result.ok) {
      report.value = result.value
      date.value = result.value.date
    }
    return result
  }

  async function exportCsv(save: (file: DayReportCsv) => void = saveCsv): Promise<Result<DayReportCsv>> {
    const result = await api.exportDayReport(date.value ? { date: date.value } : {})
    if (result.ok) save(result.value)
    return result
  }

  return { report, date, load, exportCsv }
})
