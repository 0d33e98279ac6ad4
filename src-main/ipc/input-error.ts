/**
 * Turns the first problem zod found in an operation's input into one Chinese sentence naming
 * the field, e.g. "输入有误：idNumber — 不能超过40个字符". Values are never echoed back: they may
 * be personal data.
 */
import type { z } from 'zod'

type Issue = z.core.$ZodIssue

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  array: '列表',
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function describeIssue(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? '缺少此项' : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`
    case 'too_big':
      if (issue.origin === 'string') return `不能超过${issue.maximum}个字符`
      if (issue.origin === 'array') return `不能超过${issue.maximum}项`
      return `不能大于${issue.maximum}`
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少需要${issue.minimum}个字符`
      if (issue.origin === 'array') return `至少需要${issue.minimum}项`
      return `不能小于${issue.minimum}`
    case 'invalid_value':
      return issue.values.length === 1
        ? `只能是 ${JSON.stringify(issue.values[0])}`
        : `应为以下之一：${issue.values.map((v) => String(v)).join('、')}`
    case 'invalid_format':
      return issue.format === 'uuid' ? '格式不正确，应为 UUID' : '格式不正确'
    case 'unrecognized_keys':
      return '不是该操作接受的字段'
    default:
      return '不符合要求'
  }
}

export function describeInputError(error: z.ZodError, rawInput: unknown): string {
  const issue = error.issues[0]
  if (issue === undefined) return '输入有误。'
  const field =
    issue.code === 'unrecognized_keys'
      ? issue.keys.join('、')
      : issue.path.length === 0
        ? '输入'
        : issue.path.map(String).join('.')
  return `输入有误：${field} — ${describeIssue(issue, valueAt(rawInput, issue.path))}`
}
