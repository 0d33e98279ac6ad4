/** Every service takes its clock as an argument, so tests can move time (lockouts, expiries). */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()
