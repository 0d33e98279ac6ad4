/**
 * `npm run openapi`: writes docs/openapi.json from the central contract (src-shared/central/contract.ts).
 * Run after changing the contract and commit the result; tests/unit/central/openapi-document.test.ts
 * fails while the committed file differs.
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openApiDocumentText } from '../src-shared/central/openapi'

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'openapi.json')
writeFileSync(target, openApiDocumentText())
console.log(`wrote ${target}`)
