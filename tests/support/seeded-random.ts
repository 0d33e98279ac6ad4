/**
 * A small seeded PRNG (mulberry32) for fault plans and test schedules: a failing run prints its
 * seed, and the same seed replays the same decisions.
 */
export interface SeededRandom {
  readonly seed: number
  /** [0, 1) */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    seed,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)]!
    },
  }
}

/** TEST_SEED from the environment replays a run; otherwise a fresh seed. */
export function seedFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const fixed = env.TEST_SEED
  if (fixed !== undefined && /^\d+$/.test(fixed)) return Number(fixed)
  return Math.floor(Math.random() * 2 ** 31)
}
