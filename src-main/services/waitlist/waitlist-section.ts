/** W2–W4: the 候补信息 part of the 报名信息 page, from the visit's snapshot of the central's list. */
import { findSubject } from '../../../src-shared/domain/subjects'
import { waitlistStatusLabel } from '../../../src-shared/domain/waitlist-rules'
import type { WaitlistEntryView, WaitlistSection } from '../../../src-shared/ipc/waitlist-views'
import type { WaitlistEntry } from '../../../src-shared/schemas'
import { findCampus, findSchool } from '../../store/catalog-repository'
import type { KioskDb } from '../../store/schema'
import type { WaitlistSnapshot } from './waitlist-cache'

export const WAITLIST_STALE_MESSAGE = '与报名中心的连接已中断，候补信息和排队位置可能不是最新的。'
export const WAITLIST_UNKNOWN_MESSAGE = '与报名中心的连接已中断，暂时无法显示候补信息。'

async function toView(db: KioskDb, e: WaitlistEntry): Promise<WaitlistEntryView> {
  const school = await findSchool(db, e.schoolCode)
  const campus = await findCampus(db, e.campusCode)
  return {
    entryId: e.id,
    subject: { code: e.subjectCode, name: findSubject(e.subjectCode)?.name ?? e.subjectCode },
    statusLabel: waitlistStatusLabel(e.status),
    active: e.status === 'waiting',
    school: { code: e.schoolCode, name: school?.name ?? e.schoolCode },
    campus: { code: e.campusCode, name: campus?.name ?? e.campusCode },
    submittedAt: e.submittedAt,
    ahead: e.ahead,
    remark: e.remark,
    // W3: only a waiting entry can be cancelled.
    cancellable: e.status === 'waiting',
  }
}

export async function buildWaitlistSection(db: KioskDb, snapshot: WaitlistSnapshot | null): Promise<WaitlistSection> {
  if (snapshot === null) return { active: [], finished: [], staleReason: WAITLIST_UNKNOWN_MESSAGE }
  const entries = [...snapshot.entries].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
  const views = await Promise.all(entries.map((e) => toView(db, e)))
  return {
    active: views.filter((v) => v.active),
    finished: views.filter((v) => !v.active).reverse(),
    staleReason: snapshot.fresh ? null : WAITLIST_STALE_MESSAGE,
  }
}
