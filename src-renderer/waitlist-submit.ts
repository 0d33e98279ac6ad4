/**
 * W1: 提交候补 from the 笔试/口试科目报考 tables: the row asks, the confirmation says what happens,
 * main decides. On success the 报名信息 page shows the entry with its place in the queue.
 */
import { ref } from 'vue'
import { useRouter } from 'vue-router'
import type { OfferingOption } from '../src-shared/ipc/booking-views'
import { useNoticeStore } from './stores/notice'
import { useWaitlistStore } from './stores/waitlist'
import { t } from './i18n'
import { errorText, subjectName } from './labels'

export function useWaitlistSubmit(onRefused: () => Promise<unknown>) {
  const pending = ref<OfferingOption | null>(null)
  const busy = ref(false)
  const failure = ref('')
  const waitlist = useWaitlistStore()
  const notice = useNoticeStore()
  const router = useRouter()

  function ask(option: OfferingOption): void {
    failure.value = ''
    pending.value = option
  }

  async function confirm(): Promise<void> {
    const option = pending.value
    pending.value = null
    if (option === null || busy.value) return
    busy.value = true
    const result = await waitlist.submit(option.offeringId)
    busy.value = false
    if (!result.ok) {
      failure.value = errorText(result.error)
      await onRefused()
      return
    }
    notice.show(t('waitlist.submitted', { subject: subjectName(option.subject) }))
    await router.push('/info')
  }

  return { pending, busy, failure, ask, confirm, close: () => (pending.value = null) }
}
