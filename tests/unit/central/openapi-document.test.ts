import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { endpoints } from '../../../src-shared/central/contract'
import { openApiDocumentText } from '../../../src-shared/central/openapi'
import { OPENAPI_PATH, openApiValidator } from './openapi-validator'

describe('published OpenAPI document of the central contract', () => {
  it('S1: docs/openapi.json is what the contract generates (run `npm run openapi` after changing the contract)', () => {
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(openApiDocumentText())
  })

  it('S1: every endpoint is published at its method and path, mutating ones with a required Idempotency-Key, and every schema compiles (JSON Schema 2020-12, strict)', () => {
    const { doc, check } = openApiValidator()
    expect((doc as unknown as { openapi: string }).openapi).toBe('3.1.0')
    for (const [name, e] of Object.entries(endpoints)) {
      const op = doc.paths[e.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[e.method.toLowerCase()] as
        | { operationId: string; parameters?: { name: string; in: string; required: boolean }[] }
        | undefined
      expect(op?.operationId, name).toBe(name)
      const idempotency = op?.parameters?.find((p) => p.in === 'header' && p.name === 'idempotency-key')
      expect(idempotency?.required === true, name).toBe(e.mutating)
      // Compiles the success and error schemas of the operation.
      const concrete = e.path.replace(/:([A-Za-z]+)/g, 'x')
      expect(check(e.method, concrete, 200, {}).operationId).toBe(name)
      expect(check(e.method, concrete, 404, {}).operationId).toBe(name)
    }
  })

  it('S1: the validator bites: a body missing a field or with an unknown one does not conform', () => {
    const { check } = openApiValidator()
    const error = { serverTime: '2026-09-01T02:00:00.000Z', error: { code: 'NO_SEATS', message: '已无剩余容量。' } }
    expect(check('POST', '/v1/bookings', 409, error).errors).toBeNull()
    expect(check('POST', '/v1/bookings', 409, { ...error, error: { code: 'NOPE', message: 'x' } }).errors).not.toBeNull()
    expect(check('GET', '/v1/allotments', 200, { serverTime: '2026-09-01T02:00:00.000Z' }).errors).toMatch(/allotments/)
    expect(check('GET', '/v1/allotments', 200, { serverTime: 'yesterday', allotments: [] }).errors).toMatch(/pattern/)
  })
})
