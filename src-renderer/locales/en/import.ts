/** `import.*` messages in English: exactly the keys of zh-CN/import.ts (compile-time and unit test). */
import type { LocaleShape } from '../locale-shape'

export default {
  title: 'Data import',
  intro:
    "Import the candidate roster or the subject offerings (a CSV file whose first line names the columns), or download this kiosk's schools' roster from the registration centre. Every row is checked; if a single row is refused, nothing from this import is kept.",
  what: {
    legend: 'What to import',
    roster: 'Candidate roster',
    offerings: 'Subject offerings',
  },
  source: {
    legend: 'Source',
    file: 'File on this computer',
    text: 'Pasted text (a few records)',
    central: 'Download from the registration centre',
  },
  path: 'File path',
  pathExample: 'e.g. /home/kiosk/roster.csv',
  text: 'CSV text',
  centralNote: "Downloads every page of this kiosk's schools' roster, checks every record and keeps them all at once only if all pass.",
  start: 'Start import',
  progress: {
    title: 'Import progress',
    label: 'Import progress',
    summary: '{percent}% · {rows} rows processed · {rate} rows/s',
    summaryUnknown: '{rows} records processed · {rate} records/s',
    timeLeft: ' · time left {time}',
    estimating: 'estimating',
    unknownTotal: ' · the registration centre does not give a total, so the time left is unknown',
    seconds: 'about {seconds} s',
    minutes: 'about {minutes} min {seconds} s',
  },
  downloadReport: 'Download error report',
} satisfies LocaleShape['import']
