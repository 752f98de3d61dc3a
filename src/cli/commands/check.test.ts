import path from 'node:path'
import { Command } from 'commander'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { temporaryFolder, writeFiles } from '../../adapters/git/test-servers.ts'
import { compliantRepository, FAKE_SECRETS, neglectedRepository } from '../../domain/compliance/fixtures.ts'
import { CommandError, UsageError } from '../errors.ts'
import { addCheckCommand } from './check.ts'

let base: { folder: string; remove(): Promise<void> }
beforeAll(async () => {
  base = await temporaryFolder()
  await writeFiles(path.join(base.folder, 'compliant'), compliantRepository())
  await writeFiles(path.join(base.folder, 'neglected'), neglectedRepository())
})
afterAll(async () => {
  await base.remove()
})

/** Runs `socle check ARGS` in this process: what it prints, and the error main.ts turns into an exit code. */
async function check(...args: string[]): Promise<{ output: string; error: unknown }> {
  const program = new Command().exitOverride()
  addCheckCommand(program)
  let output = ''
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true))
  try {
    await program.parseAsync(['node', 'socle', 'check', ...args])
    return { output, error: undefined }
  } catch (error) {
    return { output, error }
  } finally {
    write.mockRestore()
  }
}

describe('socle check', () => {
  it('prints each rule and the score, and succeeds when every required rule passes', async () => {
    const { output, error } = await check(path.join(base.folder, 'compliant'))
    expect(error).toBeUndefined()
    expect(output).toMatch(/^PASS {2}licence-authorised +required +Authorised licence: EUPL-1\.2 \(LICENSE\)\.$/m)
    expect(output).toContain('Score: 100/100, every required rule passes.')
  })

  it('prints evidence and fixes, secrets masked, and fails when a required rule fails', async () => {
    const { output, error } = await check(path.join(base.folder, 'neglected'))
    expect(error).toBeInstanceOf(CommandError)
    expect((error as Error).message).toBe('5 required rule(s) fail: licence-authorised, licence-file, readme, contributing, no-secrets.')
    expect(output).toContain('      main.py:1  GitHub token: ghp_********')
    expect(output).toMatch(/^ {6}fix: Add a README\.md at the root/m)
    for (const secret of Object.values(FAKE_SECRETS)) expect(output).not.toContain(secret)
  })

  it('prints the report as JSON', async () => {
    const { output } = await check(path.join(base.folder, 'compliant'), '--json')
    expect(JSON.parse(output)).toMatchObject({ score: 100, compliant: true, scanned: { truncated: false } })
  })

  it('is a usage error for a missing folder or a refused URL', async () => {
    expect((await check(path.join(base.folder, 'nothing'))).error).toBeInstanceOf(UsageError)
    expect((await check('http://127.0.0.1/repository.git')).error).toBeInstanceOf(UsageError)
  })
})
