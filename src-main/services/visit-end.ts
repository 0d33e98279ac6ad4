/**
 * K2: finishing a candidate (返回首页, or the renderer's idle timeout) ends the visit; main
 * forgets the candidate for this desk. Ending a visit that is already over is harmless.
 */
import { ok, type Result } from '../../src-shared/domain/result'
import type { ServiceContext } from './service-context'
import { closeOpenVisits } from './visit-closing'

export async function endVisit(ctx: ServiceContext, input: { visitId: string }): Promise<Result<Record<string, never>>> {
  const visit = ctx.desk.visit
  if (visit === null || visit.id !== input.visitId) return ok({})
  await ctx.db.transaction().execute((trx) => closeOpenVisits(trx, ctx.clock(), ctx.desk.operator?.id ?? null, 'visit ended'))
  ctx.desk.visit = null
  return ok({})
}
