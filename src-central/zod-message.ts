import type { ZodError } from 'zod'

/** The first issues of a failed parse as "path: message", so the sender sees what to fix. */
export function formatZodError(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ')
}
