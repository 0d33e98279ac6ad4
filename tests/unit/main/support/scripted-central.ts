/**
 * A fake central that behaves like the real one for the kiosk's calls, over the fixtures: exam
 * session, catalog, paged roster, lookup, confirm (first answer kept) and registration reads.
 */
import type { RosterRecord } from '../../../../src-shared/schemas'
import { answer, createFakeCentral, refusal, SERVER_TIME, type FakeCentral } from './fake-transport'
import { CATALOG, EXAM_SESSION, ROSTER } from './fixtures'

export interface ScriptedCentral extends FakeCentral {
  readonly registrations: Map<string, Record<string, string>>
}

export function createScriptedCentral(roster: readonly RosterRecord[] = ROSTER): ScriptedCentral {
  const fake = createFakeCentral()
  const registrations = new Map<string, Record<string, string>>()
  const sorted = [...roster].sort((a, b) => a.candidateId.localeCompare(b.candidateId))

  fake.route('GET /v1/exam-session', () => answer(200, { examSession: EXAM_SESSION }))
  fake.route('GET /v1/catalog', () => answer(200, CATALOG))
  fake.route('GET /v1/roster', (req) => {
    const query = new URLSearchParams(req.path.split('?')[1] ?? '')
    const after = query.get('after') ?? ''
    const limit = Number(query.get('limit') ?? '1000')
    const rest = sorted.filter((r) => r.candidateId > after)
    const page = rest.slice(0, limit)
    return answer(200, { records: page, nextAfter: rest.length > limit ? (page.at(-1)?.candidateId ?? null) : null })
  })
  fake.route('POST /v1/roster/lookup', (req) => {
    const body = req.body as { idType: string; idNumber: string; name: string }
    const record = roster.find((r) => r.idType === body.idType && r.idNumber === body.idNumber && r.name === body.name)
    return record ? answer(200, { record }) : refusal(404, 'NOT_FOUND', '未查询到资格信息，请核对证件类型、证件号码和姓名。')
  })
  fake.route('POST /v1/registrations', (req) => {
    const body = req.body as { candidateId: string; agreementVersion: string; agreementAcceptedAt: string }
    const record = roster.find((r) => r.candidateId === body.candidateId)
    if (!record) return refusal(404, 'NOT_FOUND', '未找到该考生的资格信息，请重新查询资格。')
    if (record.eligibleSubjectCodes.length === 0) return refusal(422, 'NOT_ELIGIBLE', '资格科目为无的考生无法继续报名。')
    const existing = registrations.get(body.candidateId)
    if (existing) return answer(200, { registration: existing })
    const registration = { ...body, examSessionId: EXAM_SESSION.id, confirmedAt: SERVER_TIME }
    registrations.set(body.candidateId, registration)
    return answer(200, { registration })
  })
  fake.route('GET /v1/registrations/*', (req) => {
    const id = decodeURIComponent(req.path.split('/').at(-1) ?? '')
    const registration = registrations.get(id)
    return registration ? answer(200, { registration }) : refusal(404, 'NOT_FOUND', '该考生尚未确认报名信息。')
  })
  return Object.assign(fake, { registrations })
}
