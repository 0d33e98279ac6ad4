/**
 * K2: a candidate's visit left without touch, click or key for the configured time (default 3
 * minutes, main's desk status says) ends by itself. For its last 30 seconds a countdown warns
 * (`secondsLeft`); any activity, or 继续办理 (`keepGoing`), starts the wait again. One timer at a
 * time, disposed with the component that owns it.
 */
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

export const DEFAULT_IDLE_TIMEOUT_SECONDS = 180
export const IDLE_WARNING_SECONDS = 30

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

export interface IdleTimeout {
  /** Seconds until the visit ends while the warning shows; null otherwise. */
  readonly secondsLeft: Ref<number | null>
  keepGoing(): void
}

export function useIdleTimeout(armed: Ref<boolean>, onIdle: () => void, timeoutSeconds: Ref<number>): IdleTimeout {
  const secondsLeft = ref<number | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null

  const disarm = (): void => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    secondsLeft.value = null
  }
  const tick = (): void => {
    const left = (secondsLeft.value ?? 1) - 1
    if (left <= 0) {
      disarm()
      onIdle()
      return
    }
    secondsLeft.value = left
    timer = setTimeout(tick, 1000)
  }
  const rearm = (): void => {
    disarm()
    const warning = Math.min(IDLE_WARNING_SECONDS, timeoutSeconds.value)
    timer = setTimeout(() => {
      secondsLeft.value = warning
      timer = setTimeout(tick, 1000)
    }, (timeoutSeconds.value - warning) * 1000)
  }
  const listen = (on: boolean): void => {
    for (const name of ACTIVITY_EVENTS) {
      if (on) window.addEventListener(name, rearm, { passive: true, capture: true })
      else window.removeEventListener(name, rearm, { capture: true })
    }
  }

  watch(
    [armed, timeoutSeconds],
    ([isArmed]) => {
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

  return { secondsLeft, keepGoing: rearm }
}
