import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGitRepository, startGitDaemon, startSilentServer, temporaryFolder, writeFiles, type TestServer } from '../../adapters/git/test-servers.ts'
import { compliantRepository, FAKE_SECRETS, neglectedRepository } from '../../domain/compliance/fixtures.ts'
import { CheckError, checkRemoteRepository, checkRepository } from './check-repository.ts'

const loopback = { allowedAddresses: ['127.0.0.1'] }
let base: { folder: string; remove(): Promise<void> }
let daemon: TestServer

beforeAll(async () => {
  base = await temporaryFolder()
  await writeFiles(path.join(base.folder, 'compliant'), compliantRepository())
  await writeFiles(path.join(base.folder, 'neglected'), neglectedRepository())
  await createGitRepository(path.join(base.folder, 'served'), 'compliant', compliantRepository())
  daemon = await startGitDaemon(path.join(base.folder, 'served'))
})
afterAll(async () => {
  await daemon?.stop()
  await base?.remove()
})

const kind = (promise: Promise<unknown>) => promise.then(() => 'checked', (error: unknown) => (error instanceof CheckError ? error.kind : String(error)))

describe('checkRepository', () => {
  it('scores 100 on a folder that follows the policy', async () => {
    const report = await checkRepository(path.join(base.folder, 'compliant'))
    expect(report.score).toBe(100)
    expect(report.compliant).toBe(true)
    expect(report.target).toBe(path.join(base.folder, 'compliant'))
  })

  it('reports every failure of a neglected folder with a fix, and no secret in the report', async () => {
    const report = await checkRepository(path.join(base.folder, 'neglected'))
    expect(report.compliant).toBe(false)
    for (const rule of report.rules.filter((r) => r.status === 'fail')) expect(rule.fix?.en, rule.id).toBeTruthy()
    const json = JSON.stringify(report)
    for (const secret of [FAKE_SECRETS.github, FAKE_SECRETS.aws, FAKE_SECRETS.slack, FAKE_SECRETS.envValue]) expect(json).not.toContain(secret)
    expect(report.rules.find((rule) => rule.id === 'no-secrets')?.evidence).toContainEqual({ file: 'main.py', line: 1, excerpt: 'GitHub token: ghp_********' })
  })

  it('checks a repository served over git:// through the allowed addresses', async () => {
    const report = await checkRepository(`${daemon.base}/compliant`, loopback)
    expect(report.score).toBe(100)
    expect(report.target).toBe(`${daemon.base}/compliant`)
  })

  it('tells refused, missing and failed targets apart', async () => {
    expect(await kind(checkRemoteRepository(`${daemon.base}/compliant`))).toBe('refused')
    expect(await kind(checkRepository('https://192.168.1.10/repository.git'))).toBe('refused')
    expect(await kind(checkRepository('git@github.com:etalab/socle.git'))).toBe('refused')
    expect(await kind(checkRepository(path.join(base.folder, 'nothing')))).toBe('not-found')
    const silent = await startSilentServer()
    try {
      expect(await kind(checkRepository(`${silent.base}/repository.git`, { ...loopback, timeoutMs: 1000 }))).toBe('failed')
    } finally {
      await silent.stop()
    }
  })

  it("checks Socle's own repository", async () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url))
    const start = performance.now()
    const report = await checkRepository(root)
    console.log(`own repository: ${report.scanned.files} files checked in ${(performance.now() - start).toFixed(0)} ms, score ${report.score}`)
    for (const rule of report.rules) console.log(`  ${rule.status.padEnd(14)} ${rule.id}: ${rule.message.en}`)
    expect(report.rules.find((rule) => rule.id === 'no-secrets')?.status).toBe('pass')
  })
})
