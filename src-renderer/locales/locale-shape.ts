/**
 * The shape every locale must have: exactly zh-CN's keys (zh-CN is the default and the seeds'
 * wording), every leaf a string. `satisfies LocaleShape` in en fails to compile on a missing or
 * an extra key; tests/unit/renderer/locale-keys.test.ts checks the same at run time.
 */
import type { zhCN } from './zh-CN'

export type MessageShape<T> = { [K in keyof T]: T[K] extends string ? string : MessageShape<T[K]> }

export type LocaleShape = MessageShape<typeof zhCN>
