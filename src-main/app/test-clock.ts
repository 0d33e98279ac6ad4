/**
 * A clock that can be moved forward, for end-to-end tests only: enabled by `--test-clock` or
 * KIOSK_TEST_CLOCK=1, never by default. One offset serves the kiosk's services and the in-process
 * demo central, so both see the same "now" (e.g. 24 hours later, when unpaid bookings expire).
 */
import type { Clock } from '../support/clock'

export interface OffsetClock {
  readonly clock: Clock
  /** Moves "now" forward; returns the new now. */
  advance(ms: number): Date
}

export function createOffsetClock(base: Clock): OffsetClock {
  let offsetMs = 0
  const clock: Clock = () => new Date(base().getTime() + offsetMs)
  return {
    clock,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The test clock only moves forward.')
      offsetMs += ms
      return clock()
    },
  }
}

/** What the headless host's POST /test/clock reaches. */
export interface TestClockControl {
  /** Advances the clock, then runs the clock-driven jobs at once; resolves with the new now. */
  advance(ms: number): Promise<Date>
  /** S4 tests: cuts (false) or restores (true) the link to the central, then probes it at once. */
  setCentralLink(up: boolean): Promise<void>
}
