/**
 * The central's roster download (`getRosterPage`, the device's schools only), page by page from a
 * cursor: the background catalog sync pulls a slice of pages per run with it, and 数据导入's
 * download import pulls all of them. It stops after a failure or the last page.
 */
import type { EndpointResponse } from '../../src-shared/central/contract'
import type { CentralClient } from './central-client'
import type { CentralResult } from './central-failure'

export type RosterPage = EndpointResponse<'getRosterPage'>

export const ROSTER_PAGE_SIZE = 1000

export async function* rosterPages(
  central: Pick<CentralClient, 'getRosterPage'>,
  after: string | null,
  pageSize: number = ROSTER_PAGE_SIZE,
  maxPages: number = Number.POSITIVE_INFINITY,
): AsyncGenerator<CentralResult<RosterPage>> {
  let cursor = after
  for (let page = 0; page < maxPages; page++) {
    const answer = await central.getRosterPage(cursor, pageSize)
    yield answer
    if (!answer.ok || answer.value.nextAfter === null) return
    cursor = answer.value.nextAfter
  }
}
