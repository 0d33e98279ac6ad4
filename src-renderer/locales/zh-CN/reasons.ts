/**
 * `reasons.*` in zh-CN: main's "why not" sentences by code, exactly main's templates (one copy,
 * src-shared/domain/reasons.ts), so the keys stay main's. zh-CN shows main's sentence itself;
 * en/reasons.ts says the same in English. Owner: TIDY.
 */
import { REASON_TEMPLATES } from '../../../src-shared/domain/reasons'

export default { ...REASON_TEMPLATES }
