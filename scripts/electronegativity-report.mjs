// Reads electronegativity's CSV report and decides what blocks the build (K6). electronegativity
// exits 0 whatever it finds, so the gate is this parser: any HIGH or MEDIUM finding fails,
// except checks switched off in DISABLED_CHECKS, each with its written reason.

/** Checks the gate ignores, and why. Keep this list short; every entry needs a reason. */
export const DISABLED_CHECKS = {
  PRELOAD_JS_CHECK:
    'a manual-review reminder raised for every preload. Ours was reviewed: it exposes exactly one function per contract operation and never ipcRenderer (src-preload/index.ts, proven by tests/unit/electron/preload.test.ts; docs/electron-security.md item 20).',
}

export const BLOCKING_SEVERITIES = ['HIGH', 'MEDIUM']
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']

/** Splits one CSV line, honouring double quotes (and "" inside them). */
function splitCsvLine(line) {
  const fields = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      fields.push(field)
      field = ''
    } else field += ch
  }
  fields.push(field)
  return fields.map((f) => f.trim())
}

/** @returns {{issue: string, severity: string, confidence: string, file: string, location: string, description: string}[]} */
export function parseReport(csv) {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '')
  const header = lines.shift()
  if (header === undefined || !/^issue\s*,\s*severity/.test(header)) throw new Error('Not an electronegativity CSV report (no header line).')
  return lines.map((line) => {
    const [issue = '', severity = '', confidence = '', file = '', location = '', , description = ''] = splitCsvLine(line)
    // Fail closed: a row that does not read as a finding could be hiding one.
    if (!/^[A-Z0-9_]+$/.test(issue) || !SEVERITIES.includes(severity.toUpperCase()))
      throw new Error(`Unreadable row in the electronegativity report: ${line.slice(0, 120)}`)
    return { issue, severity: severity.toUpperCase(), confidence, file, location, description }
  })
}

export function blockingFindings(findings, disabled = DISABLED_CHECKS) {
  return findings.filter((f) => BLOCKING_SEVERITIES.includes(f.severity) && !Object.hasOwn(disabled, f.issue))
}
