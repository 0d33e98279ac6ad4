/**
 * K2: a few minutes without touch, click or key while a candidate's visit is open ends the visit.
 * One timer, re-armed by activity, disposed with the component that owns it.
 */
import { onBeforeUnmount, watch, type Ref } from 'vue'

export const VISIT_IDLE_TIMEOUT_MS = 5 * 60_000

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

export function useIdleTimeout(armed: Ref<boolean>, onIdle: () => void, timeoutMs = VISIT_IDLE_TIMEOUT_MS): void {
  let timer: ReturnType<typeof setTimeout> | null = null

  const disarm = (): void => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }
  const rearm = (): void => {
    disarm()
    timer = setTimeout(() => {
      timer = null
      onIdle()
    }, timeoutMs)
  }
  const listen = (on: boolean): void => {
    for (const name of ACTIVITY_EVENTS) {
      if (on) window.addEventListener(name, rearm, { passive: true, capture: true })
      else window.removeEventListener(name, rearm, { capture: true })
    }
  }

  watch(
    armed,
    (isArmed) => {
      listen(false)
      disarm()
      if (isArmed) {
        listen(true)
        rearm()
      }
    },
    { immediate: true },
  )

  onBeforeUnmount(() => {
    listen(false)
    disarm()
  })
}
