/** S3: GET /v1/changes?after=…&limit=…: the device's change feed after a cursor (410 FEED_RESET when it cannot go on from it). */
import { changesQuerySchema } from '../../src-shared/central/contract'
import type { ChangeFeed } from '../change-feed'
import { answer, badRequest, refuse } from '../reply'
import { defineRoute, type Route } from '../route'
import { formatZodError } from '../zod-message'

export function changeRoutes(feed: ChangeFeed): Route[] {
  return [
    defineRoute('listChanges', ({ device, query }) => {
      const parsed = changesQuerySchema.safeParse(Object.fromEntries(query))
      if (!parsed.success) return badRequest(`查询参数不正确：${formatZodError(parsed.error)}`)
      const page = feed.page(device, parsed.data.after ?? null, parsed.data.limit)
      if (page === null) return refuse(410, 'FEED_RESET', '本机的同步位置已失效（变更记录已过期或报名中心数据已重建），请从目录重新同步。')
      return answer(page)
    }),
  ]
}
