/**
 * K5: the booking jobs of the scheduler: the local expiry of unpaid bookings (B4) with the B6
 * clean-up, and the follow-up of orders waiting for payment (P3).
 */
import { runBookingExpiry } from '../services/booking/booking-expiry'
import { followUpPendingOrders } from '../services/booking/payment-follow-up'
import type { ServiceContext } from '../services/service-context'
import type { JobSpec } from './scheduler'

export const BOOKING_EXPIRY_JOB = 'booking-expiry'
export const BOOKING_EXPIRY_INTERVAL_MS = 30 * 1000
export const PAYMENT_FOLLOW_UP_JOB = 'payment-follow-up'
export const PAYMENT_FOLLOW_UP_INTERVAL_MS = 3 * 1000

export function bookingExpiryJob(ctx: ServiceContext, intervalMs = BOOKING_EXPIRY_INTERVAL_MS): JobSpec {
  return {
    name: BOOKING_EXPIRY_JOB,
    intervalMs,
    async run() {
      const report = await runBookingExpiry(ctx)
      if (report.expiredBookings + report.deletedRegistrations > 0)
        ctx.logger.info(`expiry: ${report.expiredBookings} unpaid bookings expired, ${report.deletedRegistrations} empty registrations deleted`)
    },
  }
}

export function paymentFollowUpJob(ctx: ServiceContext, intervalMs = PAYMENT_FOLLOW_UP_INTERVAL_MS): JobSpec {
  return {
    name: PAYMENT_FOLLOW_UP_JOB,
    intervalMs,
    async run() {
      const changed = await followUpPendingOrders(ctx)
      if (changed > 0) ctx.logger.info(`payment follow-up: ${changed} orders changed status`)
    },
  }
}
