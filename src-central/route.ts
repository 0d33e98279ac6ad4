/**
 * A route implements one endpoint of the contract. Its request body arrives already validated
 * by the endpoint's zod schema and it returns the answer without `serverTime` (the router adds it).
 */
import type { z } from 'zod'
import type { EndpointName, EndpointResponse, Endpoints } from '../src-shared/central/contract'
import { endpoints } from '../src-shared/central/contract'
import type { Device } from './devices'
import type { RouteOutcome } from './reply'

type RequestBody<N extends EndpointName> = Endpoints[N]['request'] extends z.ZodType
  ? z.infer<Endpoints[N]['request']>
  : undefined

export interface RouteRequest<B> {
  readonly device: Device
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  readonly body: B
  /** The request's instant, from the injected clock: the same one `serverTime` reports. */
  readonly now: Date
}

export type AnswerOf<N extends EndpointName> = Omit<EndpointResponse<N>, 'serverTime'>

export interface Route {
  readonly name: EndpointName
  readonly method: 'GET' | 'POST'
  readonly path: string
  readonly request: z.ZodType | null
  readonly mutating: boolean
  readonly handle: (request: RouteRequest<unknown>) => RouteOutcome<object>
}

export function defineRoute<N extends EndpointName>(
  name: N,
  handle: (request: RouteRequest<RequestBody<N>>) => RouteOutcome<AnswerOf<N>>,
): Route {
  const e = endpoints[name]
  return {
    name,
    method: e.method,
    path: e.path,
    request: e.request,
    mutating: e.mutating,
    // Sound: the router parses the body with `e.request` before calling.
    handle: handle as (request: RouteRequest<unknown>) => RouteOutcome<object>,
  }
}
