// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api'
import { ok, VISIT_ID } from '../testing/fixtures'
import { receiptView } from '../testing/print-fixtures'
import { printPage } from '../print-page'
import { useReceiptStore } from './receipt'
import { useVisitStore } from './visit'

vi.mock('../api', () => import('../testing/fake-api'))

describe('receipt store and printing', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('K2: the receipt belongs to its visit: gone from the store when the visit ends', async () => {
    vi.mocked(api.acceptAgreement).mockResolvedValue(ok({ visitId: VISIT_ID }))
    vi.mocked(api.getReceipt).mockResolvedValue(ok(receiptView()))
    const visit = useVisitStore()
    await visit.start('v1')
    const store = useReceiptStore()
    await store.load()
    expect(api.getReceipt).toHaveBeenCalledWith({ visitId: VISIT_ID })
    expect(store.receipt?.candidate.idNumberMasked).toBe('1200****0008')
    visit.reset()
    expect(store.receipt).toBeNull()
  })

  it('without a visit nothing is asked of main', async () => {
    const store = useReceiptStore()
    expect((await store.load()).ok).toBe(false)
    expect(api.getReceipt).not.toHaveBeenCalled()
  })

  it('prints in the page only when main answers that the browser prints (headless host)', async () => {
    const print = vi.fn()
    vi.mocked(api.printDocument).mockResolvedValueOnce(ok({ printedBy: 'browser' }))
    await printPage('receipt', print)
    expect(api.printDocument).toHaveBeenCalledWith({ document: 'receipt' })
    expect(print).toHaveBeenCalledTimes(1)
    // In the app Electron has printed the window already.
    vi.mocked(api.printDocument).mockResolvedValueOnce(ok({ printedBy: 'app' }))
    await printPage('receipt', print)
    expect(print).toHaveBeenCalledTimes(1)
    // K1: a refusal prints nothing.
    vi.mocked(api.printDocument).mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN', message: 'x' } })
    await printPage('dayReport', print)
    expect(print).toHaveBeenCalledTimes(1)
  })
})
