/**
 * The test kiosk with 数据导入 wired as createKioskServices wires it, except that the import runs
 * in-process on the test store's connection (Vitest cannot start the TypeScript worker; the built
 * worker is exercised by the end-to-end test). `hold` keeps a started import waiting until
 * `release()`, to observe a running import.
 */
import { createDispatch, type Dispatch } from '../../../../src-main/ipc/dispatch'
import { createHandlerTable } from '../../../../src-main/ipc/handler-table'
import { RosterImports, type SpawnImportWorker } from '../../../../src-main/import/roster-import-supervisor'
import { runImport } from '../../../../src-main/import/import-run'
import { createDownloadChannel } from '../../../../src-main/import/download-channel'
import { silentLogger } from '../../../../src-main/support/logger'
import { createScriptedCentral, type ScriptedCentral } from '../support/scripted-central'
import { createTestKiosk, SUPERVISOR, type TestKiosk } from '../support/test-kiosk'
import { TEST_PROTECTOR } from '../support/test-store'

/** The operations tests/unit/main/import/ covers (the dispatch contract test leaves them to it). */
export const IMPORT_OPERATION_NAMES = ['startRosterImport', 'startOfferingImport', 'getRosterImportProgress', 'getRosterImportErrorReport'] as const

export interface ImportKiosk {
  readonly kiosk: TestKiosk
  readonly imports: RosterImports
  readonly dispatch: Dispatch
  /** Starts a held import. */
  release(): void
  close(): Promise<void>
}

export async function createImportKiosk(options: { hold?: boolean; central?: ScriptedCentral } = {}): Promise<ImportKiosk> {
  const kiosk = await createTestKiosk((options.central ?? createScriptedCentral()).transport)
  let pending: (() => void) | null = null
  const spawn: SpawnImportWorker = (job, onMessage, onExit) => {
    // As the worker does: a download reads main's page messages through the same channel.
    const channel = job.request.source.kind === 'central' ? createDownloadChannel(() => onMessage({ type: 'page-taken' })) : null
    const run = () => {
      void runImport(kiosk.store.sqlite, TEST_PROTECTOR, job.request, (tick) => onMessage({ type: 'progress', tick }), channel?.items ?? null)
        .then((outcome) => onMessage({ type: 'done', outcome }))
        .catch(() => onMessage({ type: 'crashed', message: 'error' }))
        .finally(onExit)
    }
    if (options.hold === true) pending = run
    else run()
    return { terminate: () => Promise.resolve(0), postMessage: (m) => channel?.receive(m) }
  }
  const imports = new RosterImports({ dbPath: ':memory:', dataKey: new Uint8Array(32), spawn })
  const dispatch = createDispatch(createHandlerTable({ ...kiosk.ctx, rosterImports: imports }), silentLogger)
  return {
    kiosk,
    imports,
    dispatch,
    release: () => pending?.(),
    close: async () => {
      await imports.whenFinished()
      await kiosk.close()
    },
  }
}

export async function signInSupervisor(dispatch: Dispatch): Promise<void> {
  const result = await dispatch('signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password })
  if (!result.ok) throw new Error(result.error.message)
}
