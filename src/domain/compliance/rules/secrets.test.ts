import { describe, expect, it } from 'vitest'
import { FAKE_SECRETS } from '../fixtures.ts'
import { runRules } from '../index.ts'
import { memorySnapshot } from '../memory-snapshot.ts'
import { envAssignments, findSecrets, isEnvFile } from './secret-patterns.ts'

async function secretsOf(files: Record<string, string | Uint8Array>) {
  const report = await runRules(memorySnapshot(files))
  return report.rules.find((rule) => rule.id === 'no-secrets')!
}

describe('secrets', () => {
  it('finds each kind with its file and line, and never shows it', async () => {
    const json = JSON.stringify({ type: 'service_account', private_key: FAKE_SECRETS.privateKey })
    const files = {
      'app/config.py': `# settings\nGITHUB = "${FAKE_SECRETS.github}"\nAWS = "${FAKE_SECRETS.aws}"\n`,
      'ci/notify.sh': `curl -H "Authorization: Bearer ${FAKE_SECRETS.slack}"\n`,
      'ci/gitlab.yml': `token: ${FAKE_SECRETS.gitlab}\n`,
      'web/maps.js': `const key = '${FAKE_SECRETS.gcp}'\n`,
      'deploy/service-account.json': json,
      'deploy/id_ed25519': FAKE_SECRETS.privateKey,
      '.env.production': `PASSWORD="${FAKE_SECRETS.envValue}"\n`,
    }
    const result = await secretsOf(files)
    expect(result.status).toBe('fail')
    expect(result.evidence).toEqual([
      { file: '.env.production', line: 1, excerpt: '.env value: PASSWORD=********' },
      { file: 'app/config.py', line: 2, excerpt: 'GitHub token: ghp_********' },
      { file: 'app/config.py', line: 3, excerpt: 'AWS access key ID: AKIA********' },
      { file: 'ci/gitlab.yml', line: 1, excerpt: 'GitLab token: glpat-********' },
      { file: 'ci/notify.sh', line: 1, excerpt: 'Slack token: xoxb-********' },
      { file: 'deploy/id_ed25519', line: 1, excerpt: 'Private key: -----BEGIN RSA PRIVATE KEY-----********' },
      { file: 'deploy/service-account.json', line: 1, excerpt: 'Private key: -----BEGIN RSA PRIVATE KEY-----********' },
      { file: 'web/maps.js', line: 1, excerpt: 'Google Cloud API key: AIza********' },
    ])
    const shown = JSON.stringify(result)
    for (const secret of [FAKE_SECRETS.github, FAKE_SECRETS.aws, FAKE_SECRETS.slack, FAKE_SECRETS.gitlab, FAKE_SECRETS.gcp, FAKE_SECRETS.envValue, 'MIIEowIBAAKCAQEAx']) {
      expect(shown).not.toContain(secret)
      expect(shown).not.toContain(secret.slice(-8))
    }
  })

  it('finds cloud keys written as settings', () => {
    const aws = `aws_secret_access_key = ${'wJalrXUtnFEMI/K7MDENG/bPxRfiCY'}${'zz12345678'}`
    const azure = `DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=${'A'.repeat(86)}==;EndpointSuffix=core.windows.net`
    expect(findSecrets(`${aws}\n${azure}\n`).map((found) => [found.kind, found.masked])).toEqual([
      ['AWS secret access key', 'aws_secret_access_key = ********'],
      ['Azure storage account key', 'AccountKey=********'],
    ])
  })

  it('leaves out documentation samples, key headers without a key, example .env files, empty values and binaries', async () => {
    const result = await secretsOf({
      'docs/aws.md': `Use a key such as ${'AKIA'}IOSFODNN7EXAMPLE.\n`,
      'docs/keys.md': `A key starts with ${'-----BEGIN '}RSA PRIVATE KEY----- and ends with its END line.\n`,
      '.env.example': `TOKEN=${FAKE_SECRETS.envValue}\n`,
      '.env': '# nothing set here\nTOKEN=\nOTHER= # comment\n',
      'assets/logo.bin': new Uint8Array([0, 1, 2, ...new TextEncoder().encode(FAKE_SECRETS.github)]),
      'assets/photo.png': FAKE_SECRETS.github,
    })
    expect(result.status).toBe('pass')
    expect(result.message.en).toBe('No secret found in 5 files.')
  })

  it('tells .env files from their examples', () => {
    expect(['.env', '.env.local', '.env.production'].every(isEnvFile)).toBe(true)
    expect(['.env.example', '.env.sample', '.env.dist', '.envrc', 'env'].some(isEnvFile)).toBe(false)
    expect(envAssignments("export A='x'\nB=\nC=''\n# D=1\n")).toEqual([{ line: 1, masked: 'A=********' }])
  })
})
