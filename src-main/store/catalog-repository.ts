/**
 * Reference data mirrored from the central's catalog: subjects, schools with their campuses,
 * and offerings with the campuses allowed to book oral ones (B3). Upserts, so a catalog applied
 * twice changes nothing.
 */
import type { z } from 'zod'
import type { Campus, Offering, School, subjectSchema } from '../../src-shared/schemas'
import type { KioskDb } from './schema'

type Subject = z.infer<typeof subjectSchema>

export async function upsertSubjects(db: KioskDb, subjects: readonly Subject[]): Promise<void> {
  for (const [index, s] of subjects.entries()) {
    const values = { name: s.name, language: s.language, level: s.level, kind: s.kind, sort_order: index + 1 }
    await db
      .insertInto('subjects')
      .values({ code: s.code, ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .execute()
  }
}

export async function upsertSchools(db: KioskDb, schools: readonly School[], at: Date): Promise<void> {
  const updatedAt = at.toISOString()
  for (const school of schools) {
    const values = {
      name: school.name,
      province_code: school.provinceCode,
      province_name: school.provinceName,
      updated_at: updatedAt,
    }
    await db
      .insertInto('schools')
      .values({ code: school.code, ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .execute()
    for (const campus of school.campuses) {
      const campusValues = { school_code: school.code, name: campus.name, updated_at: updatedAt }
      await db
        .insertInto('campuses')
        .values({ code: campus.code, ...campusValues })
        .onConflict((oc) => oc.column('code').doUpdateSet(campusValues))
        .execute()
    }
  }
}

export async function upsertOfferings(db: KioskDb, offerings: readonly Offering[], at: Date): Promise<void> {
  const updatedAt = at.toISOString()
  for (const o of offerings) {
    const values = {
      subject_code: o.subjectCode,
      school_code: o.schoolCode,
      campus_code: o.campusCode,
      fee_cents: o.feeCents,
      capacity: o.capacity,
      seats_left: o.seatsLeft,
      registration_start: o.registrationStart,
      registration_end: o.registrationEnd,
      exam_start: o.examStart,
      exam_end: o.examEnd,
      updated_at: updatedAt,
    }
    await db
      .insertInto('offerings')
      .values({ id: o.id, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute()
    await db.deleteFrom('offering_oral_campuses').where('offering_id', '=', o.id).execute()
    if (o.oralAllowedCampusCodes.length > 0)
      await db
        .insertInto('offering_oral_campuses')
        .values(o.oralAllowedCampusCodes.map((campus_code) => ({ offering_id: o.id, campus_code })))
        .onConflict((oc) => oc.doNothing())
        .execute()
  }
}

export interface SchoolSummary {
  readonly code: string
  readonly name: string
  readonly provinceCode: string
}

export async function findSchool(db: KioskDb, code: string): Promise<SchoolSummary | null> {
  const row = await db.selectFrom('schools').select(['code', 'name', 'province_code']).where('code', '=', code).executeTakeFirst()
  return row === undefined ? null : { code: row.code, name: row.name, provinceCode: row.province_code }
}

export async function findCampus(db: KioskDb, code: string): Promise<Campus | null> {
  const row = await db.selectFrom('campuses').select(['code', 'name']).where('code', '=', code).executeTakeFirst()
  return row ?? null
}
