/**
 * K5, S1–S5: the sync engine's scheduler jobs. The change feed pull doubles as the link probe
 * (every 2 s, so 离线 shows within seconds); when the link comes back, every pending entry is
 * due at once and the outbox drains (S4). Delivery runs every second for entries whose backoff
 * ran out; allotments are kept topped up every 30 s, online only.
 */
import { describeFailure } from '../central/central-failure'
import type { ServiceContext } from '../services/service-context'
import { keepAllotments } from '../services/sync/allotment-keeper'
import { pullChangeFeed } from '../services/sync/change-feed'
import { drainOutbox } from '../services/sync/outbox-courier'
import type { BackoffOptions } from '../services/sync/backoff'
import type { JobSpec, Scheduler } from './scheduler'

export const OUTBOX_DELIVERY_JOB = 'outbox-delivery'
export const OUTBOX_DELIVERY_INTERVAL_MS = 1000
export const CHANGE_FEED_JOB = 'change-feed'
export const CHANGE_FEED_INTERVAL_MS = 2000
export const ALLOTMENT_JOB = 'allotments'
export const ALLOTMENT_INTERVAL_MS = 30 * 1000

export function outboxDeliveryJob(ctx: ServiceContext, backoff: BackoffOptions = {}, intervalMs = OUTBOX_DELIVERY_INTERVAL_MS): JobSpec {
  return { name: OUTBOX_DELIVERY_JOB, intervalMs, run: () => drainOutbox(ctx, { backoff }) }
}

/** Every pending entry due now: the link is back, nothing should wait out an old backoff. */
async function makePendingDue(ctx: ServiceContext): Promise<void> {
  await ctx.db.updateTable('outbox').set({ next_attempt_at: ctx.clock().toISOString() }).where('state', '=', 'pending').execute()
}

export function changeFeedJob(ctx: ServiceContext, scheduler: Pick<Scheduler, 'runNow'>, intervalMs = CHANGE_FEED_INTERVAL_MS): JobSpec {
  let wasOnline = ctx.central.link().state === 'online'
  return {
    name: CHANGE_FEED_JOB,
    intervalMs,
    async run() {
      const pulled = await pullChangeFeed(ctx)
      const online = ctx.central.link().state === 'online'
      if (!pulled.ok && pulled.failure.kind === 'final') ctx.logger.warn(`change feed: ${describeFailure(pulled.failure)}`)
      if (pulled.ok && pulled.value.applied > 0) ctx.logger.info(`change feed: ${pulled.value.applied} changes applied`)
      if (online && !wasOnline) {
        ctx.logger.info('link to the central is back: delivering the outbox')
        await makePendingDue(ctx)
        void scheduler.runNow(OUTBOX_DELIVERY_JOB)
      }
      wasOnline = online
    },
  }
}

export function allotmentJob(ctx: ServiceContext, targetSeats: number, intervalMs = ALLOTMENT_INTERVAL_MS): JobSpec {
  return {
    name: ALLOTMENT_JOB,
    intervalMs,
    async run() {
      const report = await keepAllotments(ctx, targetSeats)
      if (report.requested + report.returned > 0)
        ctx.logger.info(`allotments: ${report.requested} requested or renewed, ${report.returned} returned`)
    },
  }
}
