/**
 * Validates the reference central's answers against the PUBLISHED contract, docs/openapi.json
 * (not the zod schemas it was generated from), with a JSON Schema 2020-12 validator (ajv).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'

interface Operation {
  readonly operationId: string
  readonly responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>
}
interface OpenApiDoc {
  readonly paths: Record<string, Record<string, Operation>>
  readonly components: { schemas: Record<string, unknown> }
}

export const OPENAPI_PATH = join(__dirname, '..', '..', '..', 'docs', 'openapi.json')

export interface CheckedAnswer {
  readonly operationId: string
  readonly status: number
  /** Ajv's error text, or null when the body conforms. */
  readonly errors: string | null
}

export interface OpenApiValidator {
  readonly doc: OpenApiDoc
  /** Finds the operation for a method and a concrete path, and validates the body given for the status. */
  check(method: string, pathWithQuery: string, status: number, body: unknown): CheckedAnswer
}

export function openApiValidator(): OpenApiValidator {
  const doc = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDoc
  // strict: every keyword the generator emits must be one ajv knows (formats: the patterns check date-times).
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false })
  ajv.addVocabulary(['components'])
  ajv.addSchema({ $id: 'openapi.json', components: doc.components })
  const compiled = new Map<string, ValidateFunction>()
  const routes = Object.entries(doc.paths).map(([template, ops]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    ops,
  }))

  return {
    doc,
    check(method, pathWithQuery, status, body) {
      const path = pathWithQuery.split('?')[0] ?? ''
      const op = routes.find((r) => r.pattern.test(path) && r.ops[method.toLowerCase()])?.ops[method.toLowerCase()]
      if (!op) throw new Error(`the published contract has no ${method} ${path}`)
      const response = op.responses[String(status)] ?? op.responses[`${String(status).charAt(0)}XX`]
      const ref = response?.content?.['application/json']?.schema.$ref
      if (!ref) return { operationId: op.operationId, status, errors: `no documented answer for status ${status}` }
      let validate = compiled.get(ref)
      if (!validate) {
        validate = ajv.getSchema(`openapi.json${ref}`)
        if (!validate) throw new Error(`cannot resolve ${ref}`)
        compiled.set(ref, validate)
      }
      const ok = validate(body)
      return { operationId: op.operationId, status, errors: ok ? null : ajv.errorsText(validate.errors) }
    },
  }
}
