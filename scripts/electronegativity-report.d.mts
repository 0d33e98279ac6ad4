export interface Finding {
  issue: string
  severity: string
  confidence: string
  file: string
  location: string
  description: string
}
export const DISABLED_CHECKS: Readonly<Record<string, string>>
export const BLOCKING_SEVERITIES: readonly string[]
export function parseReport(csv: string): Finding[]
export function blockingFindings(findings: Finding[], disabled?: Readonly<Record<string, string>>): Finding[]
