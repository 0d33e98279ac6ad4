// @vitest-environment happy-dom
/**
 * Issue #9, English locale: one click switches the UI, `<html lang>` follows and the choice is
 * remembered; refusals and names main sends in Chinese are shown in English where they are codes
 * or closed sets, and as main sent them otherwise. zh-CN shows main's words unchanged.
 */
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from './api'
import { currentLocale, LOCALE_STORAGE_KEY, setLocale } from './i18n'
import { enumLabel, errorText, subjectName, subjectNameText } from './labels'
import { useVisitStore } from './stores/visit'
import { deskStatus, fail, ok, VISIT_ID } from './testing/fixtures'
import { flush, mountScreen } from './testing/mount-screen'

vi.mock('./api', () => import('./testing/fake-api'))
enableAutoUnmount(afterEach)

// English is a lazily loaded chunk: load it once, so a click switches within one render.
beforeAll(async () => {
  await setLocale('en')
  await setLocale('zh-CN')
})

beforeEach(() => {
  vi.resetAllMocks()
  localStorage.clear()
})

afterEach(async () => {
  await setLocale('zh-CN')
})

describe('English locale (issue #9)', () => {
  it('i18n: the 中文/English button switches the sign-in screen in one click, sets <html lang> and is remembered', async () => {
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus({ operator: null })))
    const { wrapper } = await mountScreen('/signin')
    expect(wrapper.find('h1').text()).toBe('操作员登录')
    expect(document.documentElement.lang).toBe('zh-CN')

    await wrapper.get('[data-testid="locale-switch"]').trigger('click')
    await flush()
    expect(wrapper.find('h1').text()).toBe('Operator sign-in')
    expect(wrapper.get('button[type="submit"]').text()).toBe('Sign in')
    expect(wrapper.get('[data-testid="locale-switch"]').text()).toBe('中文')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')

    await wrapper.get('[data-testid="locale-switch"]').trigger('click')
    await flush()
    expect(wrapper.find('h1').text()).toBe('操作员登录')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN')
  })

  it('i18n E2: in English a refusal from main is shown by its code', async () => {
    vi.mocked(api.getDeskStatus).mockResolvedValue(ok(deskStatus()))
    vi.mocked(api.lookupEligibility).mockResolvedValue(fail('NOT_FOUND', '未查询到该考生的资格信息，请核对证件类型、证件号码和姓名。'))
    const { wrapper } = await mountScreen('/lookup', () => {
      useVisitStore().visitId = VISIT_ID
    })
    await setLocale('en')
    await flush()
    expect(wrapper.find('h1').text()).toBe('Eligibility lookup')
    await wrapper.get('#lookup-idType').setValue('护照')
    expect(wrapper.get('#lookup-idType').text()).toContain('Passport')
    await wrapper.get('#lookup-idNumber').setValue('EN2026001')
    await wrapper.get('#lookup-name').setValue('安娜')
    await wrapper.get('form').trigger('submit')
    await flush()
    expect(wrapper.get('[role="alert"]').text()).toBe('Nothing was found.')
  })

  it('i18n: errorText keeps main’s sentence in zh-CN and for codes English does not know', async () => {
    const refusal = { code: 'NO_SEATS', message: '该校区已无剩余容量，可以提交候补。' }
    expect(errorText(refusal)).toBe(refusal.message)
    await setLocale('en')
    expect(currentLocale()).toBe('en')
    expect(errorText(refusal)).toBe('No seats are left at this campus.')
    expect(errorText({ code: 'SOMETHING_NEW', message: '新的拒绝原因。' })).toBe('新的拒绝原因。')
  })

  it('i18n: B3 a refusal that carries its rule’s reason is that reason in English, with its subjects named', async () => {
    const refusal = { code: 'LEVEL_TAKEN', message: '已报考英语四级笔试，同一级别只能报考一个笔试科目。', reason: { code: 'levelBooked', other: '1' } } as const
    expect(errorText(refusal)).toBe(refusal.message)
    await setLocale('en')
    expect(errorText(refusal)).toBe('CET-4 written is booked: one written subject per level.')
    expect(errorText({ code: refusal.code, message: refusal.message })).not.toContain('CET-4 written')
  })

  it('i18n: subject names and closed sets from main translate in English and stay main’s in zh-CN', async () => {
    expect(subjectName({ code: '1', name: '英语四级笔试' })).toBe('英语四级笔试')
    expect(enumLabel('idType', '护照')).toBe('护照')
    await setLocale('en')
    expect(subjectName({ code: '1', name: '英语四级笔试' })).toBe('CET-4 written')
    expect(subjectName({ code: 'Z', name: '未知科目' })).toBe('未知科目')
    expect(subjectNameText('英语六级口试')).toBe('CET-6 speaking')
    expect(enumLabel('idType', '护照')).toBe('Passport')
    expect(enumLabel('gender', '女')).toBe('Female')
    expect(enumLabel('seats', '其他')).toBe('其他')
  })
})
