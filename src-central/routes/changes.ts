/** S3: GET /v1/changes?after=…&limit=…: the device's change feed after a cursor. */
import { changesQuerySchema } from '../../src-shared/central/contract'
import type { ChangeFeed } from '../change-feed'
import { answer, badRequest } from '../reply'
import { defineRoute, type Route } from '../route'
import { formatZodError } from '../zod-message'

export function changeRoutes(feed: ChangeFeed): Route[] {
  return [
    defineRoute('listChanges', ({ device, query }) => {
      const parsed = changesQuerySchema.safeParse(Object.fromEntries(query))
      if (!parsed.success) return badRequest(`查询参数不正确：${formatZodError(parsed.error)}`)
      const after = Number(parsed.data.after ?? '0')
      if (!Number.isSafeInteger(after)) return badRequest('查询参数不正确：after 超出范围。')
      return answer(feed.page(device, after, parsed.data.limit))
    }),
  ]
}
