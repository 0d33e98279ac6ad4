/**
 * K3: strips what could identify a person from text bound for a log: long digit runs (ID,
 * phone and student numbers), ID-like letter+digit tokens and CJK names. Logs keep the shape of
 * a problem, not whom it concerned.
 */
export function redactPersonalData(text: string): string {
  return text
    .replace(/[A-Za-z]{0,3}\d{5,}[\dXxA]?/g, '[redacted]')
    .replace(/[\u3400-\u9fff]{2,}/g, '[redacted]')
}
