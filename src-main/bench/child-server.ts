/**
 * A bench server run in a child process of its own (the central, the echo floor): its URL once
 * it prints the line that announces it, and a stop that waits for the process to exit.
 */
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'

export interface ChildServer {
  readonly url: string
  stop(): Promise<void>
}

/** `announced` captures the URL (group 1) from the child's standard output. */
export async function childServer(child: ChildProcess, announced: RegExp, name: string): Promise<ChildServer> {
  const lines = createInterface({ input: child.stdout! })
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench: the ${name} exited (${code}) before listening`)))
    lines.on('line', (line) => {
      const found = announced.exec(line)
      if (found?.[1]) resolve(found[1])
    })
  })
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
    },
  }
}
