/**
 * Paying (P1–P4): 确认报考信息, then the order's QR code and its status, followed by one
 * disposable timer while the payment screen is open (P3: 已支付 arrives on its own); 更新 asks
 * main at once. The countdown ticks on the same timer.
 */
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { OrderView, PaymentConfirmation, SubjectKindView } from '../../src-shared/ipc/booking-views'
import { fail, type Result } from '../../src-shared/domain/result'
import { api } from '../api'
import { t } from '../i18n'
import { errorText } from '../labels'
import { useVisitStore } from './visit'

export const PAYMENT_TICK_MS = 1_000
/** The status is asked every this many ticks. */
export const STATUS_EVERY_TICKS = 2

const noVisit = (): Result<never> => fail('NO_VISIT', t('errors.NO_VISIT'))

export const usePaymentStore = defineStore('payment', () => {
  const confirmation = ref<PaymentConfirmation | null>(null)
  const order = ref<OrderView | null>(null)
  const statusError = ref<string | null>(null)
  const nowMs = ref(Date.now())
  /** Main's clock minus ours, from the last answer: the countdown runs on main's time. */
  const skewMs = ref(0)

  const secondsLeft = computed(() =>
    order.value ? Math.max(0, Math.floor((Date.parse(order.value.expiresAt) - nowMs.value - skewMs.value) / 1000)) : 0,
  )

  function take(value: OrderView): void {
    order.value = value
    nowMs.value = Date.now()
    skewMs.value = Date.parse(value.checkedAt) - nowMs.value
  }

  function visitId(): string | null {
    return useVisitStore().visitId
  }

  async function loadConfirmation(kind: SubjectKindView): Promise<Result<PaymentConfirmation>> {
    const id = visitId()
    if (id === null) return noVisit()
    const result = await api.getPaymentConfirmation({ visitId: id, kind })
    confirmation.value = result.ok && visitId() === id ? result.value : null
    return result
  }

  /** P1, P3: opens the order (main reuses a pending one for the same bookings). */
  async function start(kind: SubjectKindView): Promise<Result<OrderView>> {
    const id = visitId()
    if (id === null) return noVisit()
    const result = await api.startPayment({ visitId: id, kind })
    if (result.ok && visitId() === id) take(result.value)
    return result
  }

  /** P3: the order's status now (also 更新). */
  async function refresh(orderNo: string): Promise<Result<OrderView>> {
    const id = visitId()
    if (id === null) return noVisit()
    const result = await api.getPaymentStatus({ visitId: id, orderNo })
    if (visitId() !== id) return result
    if (result.ok) {
      take(result.value)
      statusError.value = null
    } else statusError.value = errorText(result.error)
    return result
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  let generation = 0

  function stopFollowing(): void {
    generation++
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  function startFollowing(orderNo: string, tickMs = PAYMENT_TICK_MS): () => void {
    stopFollowing()
    const mine = generation
    let ticks = 0
    const schedule = (): void => {
      timer = setTimeout(() => {
        timer = null
        nowMs.value = Date.now()
        ticks++
        const settled = order.value !== null && order.value.status !== 'pending'
        const ask = !settled && ticks % STATUS_EVERY_TICKS === 0 ? refresh(orderNo) : Promise.resolve()
        void ask.finally(() => {
          if (generation === mine) schedule()
        })
      }, tickMs)
    }
    schedule()
    return stopFollowing
  }

  function reset(): void {
    stopFollowing()
    confirmation.value = null
    order.value = null
    statusError.value = null
  }

  // K2: nothing of a candidate outlives their visit.
  watch(
    () => useVisitStore().visitId,
    () => reset(),
  )

  return { confirmation, order, statusError, secondsLeft, loadConfirmation, start, refresh, startFollowing, stopFollowing, reset }
})
