import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security/content-security-policy'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  )
}

const html = readFileSync(new URL('../../../src-renderer/index.html', import.meta.url), 'utf8')
const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]

describe('Content-Security-Policy of the host and the Electron session', () => {
  it('is never looser than the renderer\'s own <meta> policy', () => {
    expect(meta, 'src-renderer/index.html declares a CSP meta tag').toBeDefined()
    const ours = directives(CONTENT_SECURITY_POLICY)
    const theirs = directives(meta!)
    // Fetch directives fall back to default-src; 'none' allows nothing.
    const effective = (policy: Map<string, string[]>, name: string): string[] =>
      (policy.get(name) ?? (name.endsWith('-src') ? policy.get('default-src') : undefined) ?? ['*']).filter((s) => s !== "'none'")
    for (const name of new Set([...ours.keys(), ...theirs.keys()])) {
      const allowedByThem = effective(theirs, name)
      if (allowedByThem.includes('*')) continue
      for (const source of effective(ours, name)) expect(allowedByThem, `${name} ${source}`).toContain(source)
    }
  })

  it('forbids framing, plugins and base/form hijacking', () => {
    const ours = directives(CONTENT_SECURITY_POLICY)
    expect(ours.get('frame-ancestors')).toEqual(["'none'"])
    expect(ours.get('object-src')).toEqual(["'none'"])
    expect(ours.get('base-uri')).toEqual(["'none'"])
    expect(ours.get('form-action')).toEqual(["'none'"])
  })
})
