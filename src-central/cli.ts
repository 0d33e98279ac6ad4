/**
 * Entry point of the reference central service (built to out/main/central.js). See cli-args.ts
 * for the command line. Listens on 127.0.0.1 only; SIGINT/SIGTERM close it cleanly.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { CENTRAL_USAGE, parseCentralArgs, type CentralCommand } from './cli-args'
import { openCentralDatabase } from './database'
import { seedDemoData } from './demo-data'
import { issueDeviceToken, revokeDevice } from './devices'
import { startCentralServer } from './server'

function databasePath(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true })
  return join(dataDir, 'central.sqlite')
}

/** Token commands open the same file as a running server would, and seed it the same way. */
function withDatabase<T>(dataDir: string, use: (db: ReturnType<typeof openCentralDatabase>['db']) => T): T {
  const { db } = openCentralDatabase(databasePath(dataDir), { onCreate: (created) => seedDemoData(created, new Date()) })
  try {
    return use(db)
  } finally {
    db.close()
  }
}

async function run(command: CentralCommand): Promise<void> {
  switch (command.kind) {
    case 'issue-token': {
      const token = withDatabase(command.dataDir, (db) => {
        const known = new Set(db.prepare<[], { code: string }>('SELECT code FROM schools').all().map((r) => r.code))
        const unknown = command.schoolCodes.filter((c) => !known.has(c))
        if (unknown.length > 0) console.error(`warning: unknown school codes: ${unknown.join(', ')}`)
        return issueDeviceToken(db, command.kioskId, command.schoolCodes, new Date())
      })
      console.log(token)
      return
    }
    case 'revoke': {
      const revoked = withDatabase(command.dataDir, (db) => revokeDevice(db, command.kioskId, new Date()))
      console.log(revoked ? `revoked ${command.kioskId}` : `no active device ${command.kioskId}`)
      return
    }
    case 'serve': {
      const central = await startCentralServer({ dbPath: databasePath(command.dataDir), port: command.port })
      console.log(`CET central service listening on ${central.url} (data: ${command.dataDir})`)
      const stop = (signal: string) => {
        console.log(`${signal}: closing`)
        central.close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error)
            process.exit(1)
          },
        )
      }
      process.once('SIGINT', () => stop('SIGINT'))
      process.once('SIGTERM', () => stop('SIGTERM'))
      return
    }
  }
}

const parsed = parseCentralArgs(process.argv.slice(2), process.env)
if (!parsed.ok) {
  console.error(`${parsed.message}\n${CENTRAL_USAGE}`)
  process.exit(2)
}
run(parsed.command).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
