/**
 * K6: what staff see of automatic updates. Main decides the state and writes the sentence; the
 * renderer only shows it.
 */
import { z } from 'zod'

export const UPDATE_STATES = ['disabled', 'idle', 'checking', 'downloading', 'ready', 'installing', 'error'] as const

export const updateStatusSchema = z.object({
  state: z.enum(UPDATE_STATES),
  /** The version being downloaded or waiting to be installed. */
  version: z.string().nullable(),
  /** Download progress, 0–100, while downloading. */
  percent: z.number().min(0).max(100).nullable(),
  /** What holds a downloaded update back: a candidate at the desk, or changes not yet delivered. */
  waitingFor: z.enum(['candidate', 'outbox']).nullable(),
  /** One sentence for staff, in Chinese. */
  message: z.string(),
})
export type UpdateStatus = z.infer<typeof updateStatusSchema>

export const UPDATES_DISABLED: UpdateStatus = {
  state: 'disabled',
  version: null,
  percent: null,
  waitingFor: null,
  message: '本机未启用自动更新。',
}
