/** Province notices (省通告) and school notices (学校通告), mirrored from the central's catalog. */
import type { Announcement } from '../../src-shared/schemas'
import type { AnnouncementRow, KioskDb } from './schema'

export interface StoredAnnouncement extends Omit<Announcement, 'provinceCode'> {
  /** The province a notice belongs to; for school notices, the school's province. */
  readonly provinceCode: string | null
}

function fromRow(row: AnnouncementRow): Announcement {
  return {
    id: row.id,
    scope: row.scope,
    issuer: row.issuer,
    schoolCode: row.school_code,
    ...(row.province_code === null ? {} : { provinceCode: row.province_code }),
    title: row.title,
    body: row.body,
    publishedAt: row.published_at,
  }
}

/** The catalog carries every current notice: anything the central no longer lists is removed. */
export async function replaceAnnouncements(db: KioskDb, announcements: readonly StoredAnnouncement[]): Promise<void> {
  await db.deleteFrom('announcements').execute()
  if (announcements.length === 0) return
  await db
    .insertInto('announcements')
    .values(
      announcements.map((a) => ({
        id: a.id,
        scope: a.scope,
        issuer: a.issuer,
        province_code: a.provinceCode,
        school_code: a.schoolCode,
        title: a.title,
        body: a.body,
        published_at: a.publishedAt,
      })),
    )
    .execute()
}

/** I1: the notices of the candidate's province and of the candidate's school, newest first. */
export async function listAnnouncementsFor(db: KioskDb, provinceCode: string | null, schoolCode: string): Promise<Announcement[]> {
  const rows = await db
    .selectFrom('announcements')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'school'), eb('school_code', '=', schoolCode)]),
        ...(provinceCode === null ? [] : [eb.and([eb('scope', '=', 'province'), eb('province_code', '=', provinceCode)])]),
      ]),
    )
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .execute()
  return rows.map(fromRow)
}
