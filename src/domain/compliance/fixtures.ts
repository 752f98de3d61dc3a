// Repositories for the tests of the rules and of their adapters: one that follows the policy, and
// two that break it (between them, every rule fails once). Secrets are assembled at run time so that
// this file holds none: the check of Socle's own repository must not find any here.
import { createRequire } from 'node:module'

const spdxTexts: Readonly<Record<string, { licenseText: string }>> = createRequire(import.meta.url)('spdx-license-list/full')

export const licenceText = (id: string): string => spdxTexts[id]?.licenseText ?? ''

/** Fake secrets, in the providers' formats. */
export const FAKE_SECRETS = {
  github: ['ghp', '_', 'R4nd0mL00k1ngT0k3nV4lu3F0rT3st1ngXyz'].join(''),
  aws: ['AKIA', 'Q3VJ4Z2L7X5T8W1N'].join(''),
  slack: ['xoxb', '-', '1234567890-abcdefghijKLMNOP'].join(''),
  gitlab: ['glpat', '-', 'abcDEF123456ghiJKL78'].join(''),
  gcp: ['AIza', 'SyD3x4mpl3K3yF0rT35t1ngPurp0s3s0nly'].join(''),
  privateKey: ['-----BEGIN ', 'RSA PRIVATE KEY-----\n', 'MIIEowIBAAKCAQEAx'.padEnd(64, 'Q'), '\n-----END ', 'RSA PRIVATE KEY-----\n'].join(''),
  envValue: 'sup3r-s3cr3t-passw0rd',
}

const LONG_DESCRIPTION = 'Démarche en ligne permet aux administrations de publier leurs formulaires sans développement, avec le suivi des dossiers par les agents. '.repeat(2)

export const PUBLICCODE = (licence: string) => `publiccodeYmlVersion: "0"
name: Démarche en ligne
url: "https://git.example.gouv.fr/demarche/demarche-en-ligne.git"
platforms:
  - web
developmentStatus: stable
softwareType: "standalone/web"
description:
  fr:
    shortDescription: Formulaires en ligne pour les administrations
    longDescription: "${LONG_DESCRIPTION}"
    features:
      - Formulaires en ligne
legal:
  license: ${licence}
maintenance:
  type: internal
  contacts:
    - name: Équipe Démarche
      email: demarche@example.gouv.fr
localisation:
  localisationReady: true
  availableLanguages:
    - fr
`

/** Follows the policy: every rule passes, the score is 100. */
export function compliantRepository(): Record<string, string> {
  return {
    LICENSE: licenceText('EUPL-1.2'),
    'README.md': `# Démarche en ligne

Démarche en ligne permet aux administrations de publier leurs formulaires et d'en suivre les dossiers.

## Installation

\`\`\`sh
npm ci && npm start
\`\`\`

## Contribuer

Lisez [CONTRIBUTING.md](CONTRIBUTING.md).
`,
    'CONTRIBUTING.md': `# Contribuer

Ouvrez une demande de fusion. Chaque commit est signé (DCO) avec \`git commit --signoff\`.
`,
    'CODE_OF_CONDUCT.md': '# Code de conduite\n\nNous suivons le Contributor Covenant.\n',
    'SECURITY.md': '# Sécurité\n\nÉcrivez à securite@example.gouv.fr.\n',
    'publiccode.yml': PUBLICCODE('EUPL-1.2'),
    'src/index.ts': '// SPDX-License-Identifier: EUPL-1.2\nexport const answer = 42\n',
    'src/server.py': '# SPDX-License-Identifier: EUPL-1.2\nprint("ok")\n',
    '.env.example': 'DATABASE_URL=postgres://localhost/demarche\n',
  }
}

/** Nothing the policy asks for, and secrets. */
export function neglectedRepository(): Record<string, string> {
  return {
    'main.py': `API_TOKEN = "${FAKE_SECRETS.github}"\nprint("hello")\n`,
    'deploy/keys/id_rsa': FAKE_SECRETS.privateKey,
    'config/settings.js': `module.exports = {\n  aws: '${FAKE_SECRETS.aws}',\n  slack: '${FAKE_SECRETS.slack}',\n}\n`,
    '.env': `# production\nDB_PASSWORD=${FAKE_SECRETS.envValue}\nEMPTY=\n`,
  }
}

/** Started on the policy, wrongly: a licence that is not authorised, a thin README, no sign-off. */
export function halfDoneRepository(): Record<string, string> {
  return {
    LICENSE: licenceText('WTFPL'),
    'README.md': '# Outil\n\nUn outil.\n',
    'CONTRIBUTING.md': '# Contributing\n\nPull requests are welcome.\n',
    'publiccode.yml': PUBLICCODE('EUPL-1.2'),
    'src/app.js': 'console.log("hello")\n',
  }
}
