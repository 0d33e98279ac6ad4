/**
 * The roster_records columns an upsert rewrites (all but the key); the import writer binds them
 * too. Kept apart from the repository, which loads Kysely, so the import's threads start without
 * it (#8).
 */
export const ROSTER_UPDATABLE_COLUMNS = [
  'id_type',
  'id_number_hmac',
  'id_number_enc',
  'name',
  'gender',
  'phone_enc',
  'school_code',
  'campus_code',
  'education_level',
  'schooling_years',
  'enrollment_year',
  'grade',
  'department',
  'major',
  'class_name',
  'student_number',
  'remarks',
  'eligible_subject_codes',
  'updated_at',
] as const
