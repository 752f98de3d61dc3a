// The text of a repository's files, rendered on demand from the seed: a world of 50,000 repositories
// keeps only the list of file paths, and a README costs a few microseconds when a server asks for it.
import { licenceText } from './licences.ts'
import { createRandom, type Random } from './random.ts'
import { PUBLICCODE_CATEGORIES } from './vocabulary.ts'
import type { Repository } from './world.ts'

export interface FileContext {
  seed: string
  repository: Repository
  /** Web URL of the repository (https://host/owner/name). */
  url: string
  ownerLogin: string
  bodyName: string
  bodyWebsite: string
  contactEmail: string
}

const DEPENDENCIES: Record<string, string[]> = {
  'package.json': ['express@^4.19.2', 'react@^18.3.1', 'vue@^3.4.27', '@gouvfr/dsfr@^1.11.2', 'axios@^1.7.2', 'lodash@^4.17.21', 'dayjs@^1.11.11', 'pg@^8.12.0', 'leaflet@^1.9.4', 'zod@^3.23.8'],
  python: ['django==4.2.13', 'requests==2.32.3', 'pandas==2.2.2', 'flask==3.0.3', 'sqlalchemy==2.0.30', 'psycopg2-binary==2.9.9', 'numpy==1.26.4', 'fastapi==0.111.0', 'geopandas==0.14.4'],
  'pom.xml': ['org.springframework.boot:spring-boot-starter-web:3.3.0', 'org.postgresql:postgresql:42.7.3', 'org.projectlombok:lombok:1.18.32', 'com.fasterxml.jackson.core:jackson-databind:2.17.1'],
  'go.mod': ['github.com/gin-gonic/gin v1.10.0', 'github.com/jackc/pgx/v5 v5.6.0', 'github.com/spf13/cobra v1.8.0', 'gopkg.in/yaml.v3 v3.0.1'],
  'Cargo.toml': ['serde = "1.0"', 'tokio = { version = "1", features = ["full"] }', 'reqwest = "0.12"', 'clap = "4.5"', 'anyhow = "1.0"'],
  'composer.json': ['symfony/framework-bundle@^7.0', 'doctrine/orm@^3.1', 'twig/twig@^3.10', 'guzzlehttp/guzzle@^7.8', 'monolog/monolog@^3.6'],
  Gemfile: ['rails|~> 7.1', 'pg|~> 1.5', 'puma|~> 6.4', 'devise|~> 4.9', 'sidekiq|~> 7.2'],
}

/** The text of `path` at the repository's current revision, or null when it has no such file. */
export function renderFile(context: FileContext, path: string): string | null {
  const { repository } = context
  if (!repository.files.includes(path)) return null
  const random = createRandom(context.seed, 'file', repository.id, path)
  const name = path.slice(path.lastIndexOf('/') + 1)
  switch (name) {
    case 'README.md':
      return readme(context, random)
    case 'LICENSE':
      return licenceText(repository.license ?? 'MIT', context.bodyName, Number(repository.createdAt.slice(0, 4)), repository.id)
    case 'CONTRIBUTING.md':
      return repository.readmeLanguage === 'fr'
        ? `# Contribuer à ${repository.name}\n\nMerci de votre intérêt ! Les contributions sont les bienvenues.\n\n1. Ouvrez un ticket pour discuter du changement proposé.\n2. Créez une branche depuis \`${repository.defaultBranch}\`.\n3. Proposez une demande de fusion avec des tests.\n\nEn contribuant, vous acceptez que votre contribution soit publiée sous la licence du projet.\n`
        : `# Contributing to ${repository.name}\n\nThank you for your interest! Contributions are welcome.\n\n1. Open an issue to discuss the change.\n2. Create a branch from \`${repository.defaultBranch}\`.\n3. Open a pull request with tests.\n`
    case 'CODE_OF_CONDUCT.md':
      return `# Contributor Covenant Code of Conduct\n\n## Our Pledge\n\nWe as members, contributors, and leaders pledge to make participation in our\ncommunity a harassment-free experience for everyone, regardless of age, body\nsize, visible or invisible disability, ethnicity, sex characteristics, gender\nidentity and expression, level of experience, education, socio-economic status,\nnationality, personal appearance, race, religion, or sexual identity\nand orientation.\n\n## Enforcement\n\nInstances of abusive, harassing, or otherwise unacceptable behavior may be\nreported to the community leaders responsible for enforcement at\n${context.contactEmail}.\n`
    case 'SECURITY.md':
      return `# Politique de sécurité\n\nPour signaler une vulnérabilité, écrivez à ${context.contactEmail} sans ouvrir de ticket public.\nNous accusons réception sous 72 heures.\n\n| Version | Maintenue |\n| ------- | --------- |\n| ${repository.release?.tag ?? 'main'} | ✅ |\n`
    case 'publiccode.yml':
      return publiccode(context, random)
    case '.gitignore':
      return 'node_modules/\n__pycache__/\n*.log\n.env\ndist/\nbuild/\n.DS_Store\n'
    default:
      return manifestOrSource(context, random, path)
  }
}

function readme(context: FileContext, random: Random): string {
  const { repository: repo } = context
  const fr = repo.readmeLanguage === 'fr'
  const paragraphs = fr
    ? [
        `${repo.name} est développé par ${context.bodyName} et publié en logiciel libre afin que d’autres administrations puissent le réutiliser.`,
        'Le projet suit les recommandations de la politique de contribution de l’État aux logiciels libres.',
        'Les données manipulées sont publiques et mises à jour quotidiennement.',
        'L’interface respecte le Référentiel général d’amélioration de l’accessibilité (RGAA).',
        'Une instance de démonstration est disponible pour tester les fonctionnalités sans installation.',
      ]
    : [
        `${repo.name} is developed by ${context.bodyName} and published as free software so that other administrations can reuse it.`,
        'The project follows the State policy on contributing to free software.',
        'All data handled by the service is public and refreshed daily.',
        'The interface meets the French accessibility guidelines (RGAA).',
      ]
  const install = repo.files.includes('package.json')
    ? 'npm ci\nnpm start'
    : repo.files.includes('requirements.txt') || repo.files.includes('pyproject.toml')
      ? 'python -m venv .venv\n. .venv/bin/activate\npip install -r requirements.txt'
      : repo.files.includes('go.mod')
        ? 'go build ./...'
        : repo.files.includes('pom.xml')
          ? 'mvn package'
          : 'make install'
  const sections = [
    `# ${repo.name}`,
    repo.description ?? '',
    random.sample(paragraphs, random.int(1, paragraphs.length)).join('\n\n'),
    `## Installation\n\n\`\`\`sh\ngit clone ${context.url}.git\ncd ${repo.name}\n${install}\n\`\`\``,
    `## ${fr ? 'Utilisation' : 'Usage'}\n\n${fr ? 'Consultez la documentation dans le dossier `docs/` ou le site' : 'See the documentation in `docs/` or the website'} ${repo.homepage ?? context.bodyWebsite}.`,
  ]
  if (repo.files.includes('CONTRIBUTING.md')) sections.push(`## ${fr ? 'Contribuer' : 'Contributing'}\n\n${fr ? 'Voir' : 'See'} [CONTRIBUTING.md](CONTRIBUTING.md).`)
  if (repo.license === 'NOASSERTION') sections.push(fr ? '## Licence\n\nCe projet est publié sous la licence décrite dans le fichier LICENSE.' : '## License\n\nThis project is released under the licence in the LICENSE file.')
  else if (repo.license) sections.push(fr ? `## Licence\n\nCe projet est publié sous licence ${repo.license}.` : `## License\n\nThis project is released under the ${repo.license} licence.`)
  // A push changes the README: the crawler sees new content, a new blob sha and a new ETag.
  if (repo.revision > 0) sections.push(`## ${fr ? 'Journal des modifications' : 'Changelog'}\n\n- ${repo.pushedAt.slice(0, 10)} : ${fr ? 'mise à jour' : 'update'} n° ${repo.revision}`)
  return sections.filter(Boolean).join('\n\n') + '\n'
}

function publiccode(context: FileContext, random: Random): string {
  const { repository: repo } = context
  const category = random.pick(PUBLICCODE_CATEGORIES)
  const longDescription = `${repo.name} est un logiciel libre développé par ${context.bodyName}. Il permet aux agents et aux usagers de gérer et consulter les informations du service en ligne, avec une interface accessible et des données ouvertes. Il est réutilisable par toute collectivité ou administration.`
  const valid = `publiccodeYmlVersion: "0.4"

name: ${repo.name}
url: "${context.url}.git"
${repo.homepage ? `landingURL: "${repo.homepage}"\n` : ''}${repo.release ? `softwareVersion: "${repo.release.tag.replace(/^v/, '')}"\nreleaseDate: "${repo.release.publishedAt.slice(0, 10)}"\n` : ''}platforms:
  - web

categories:
  - ${category}

developmentStatus: ${repo.archived ? 'obsolete' : 'stable'}

softwareType: "standalone/web"

description:
  fr:
    shortDescription: "${(repo.description ?? repo.name).slice(0, 100).replaceAll('"', "'")}"
    longDescription: >
      ${longDescription}
    features:
      - Consultation en ligne
      - Export des données

legal:
  license: ${repo.license && repo.license !== 'NOASSERTION' ? repo.license.replace(/^(A?L?GPL-3\.0)$/, '$1-or-later') : 'EUPL-1.2'}
  mainCopyrightOwner: ${context.bodyName}
  repoOwner: ${context.bodyName}

maintenance:
  type: "internal"
  contacts:
    - name: Équipe ${context.ownerLogin}
      email: "${context.contactEmail}"

localisation:
  localisationReady: true
  availableLanguages:
    - fr
`
  if (repo.publiccode === 'valid') return valid
  // The kinds of invalid files met in the wild: a typo in an enum, a missing mandatory key, an
  // unsupported version, and YAML that does not parse.
  switch (repo.id % 4) {
    case 0:
      return valid.replace(/developmentStatus: \w+/, 'developmentStatus: in-progress')
    case 1:
      return valid.replace(/\ndescription:[\s\S]*?\n\nlegal:/, '\nlegal:')
    case 2:
      return valid.replace('publiccodeYmlVersion: "0.4"', 'publiccodeYmlVersion: "0.1"')
    default:
      return valid.replace('platforms:\n  - web', 'platforms:\n\t- web\n  - "android')
  }
}

function manifestOrSource(context: FileContext, random: Random, path: string): string {
  const { repository: repo } = context
  const deps = (kind: string, count: number): string[] => random.sample(DEPENDENCIES[kind]!, count)
  const version = repo.release?.tag.replace(/^v/, '') ?? '0.1.0'
  switch (path) {
    case 'package.json': {
      const entries = (list: string[]): Record<string, string> => Object.fromEntries(list.map((d) => [d.slice(0, d.lastIndexOf('@')), d.slice(d.lastIndexOf('@') + 1)]))
      const manifest = {
        name: repo.name,
        version,
        description: repo.description ?? '',
        license: repo.license && repo.license !== 'NOASSERTION' ? repo.license : 'UNLICENSED',
        private: !repo.license,
        scripts: { start: 'node src/index.js', test: 'vitest run' },
        dependencies: entries(deps('package.json', random.int(1, 5))),
        devDependencies: { vitest: '^1.6.0', eslint: '^9.4.0' },
      }
      return JSON.stringify(manifest, null, 2) + '\n'
    }
    case 'requirements.txt':
      return deps('python', random.int(2, 6)).join('\n') + '\n'
    case 'pyproject.toml':
      return `[project]\nname = "${repo.name}"\nversion = "${version}"\ndescription = "${(repo.description ?? '').replaceAll('"', "'")}"\nrequires-python = ">=3.10"\ndependencies = [\n${deps('python', random.int(2, 5)).map((d) => `  "${d}",`).join('\n')}\n]\n\n[build-system]\nrequires = ["setuptools>=68"]\nbuild-backend = "setuptools.build_meta"\n`
    case 'pom.xml':
      return `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>fr.${context.ownerLogin.replace(/[^a-z0-9]/gi, '')}</groupId>\n  <artifactId>${repo.name}</artifactId>\n  <version>${version}</version>\n  <dependencies>\n${deps('pom.xml', random.int(1, 4))
        .map((d) => {
          const [group, artifact, v] = d.split(':')
          return `    <dependency>\n      <groupId>${group}</groupId>\n      <artifactId>${artifact}</artifactId>\n      <version>${v}</version>\n    </dependency>`
        })
        .join('\n')}\n  </dependencies>\n</project>\n`
    case 'go.mod':
      return `module ${context.url.replace(/^https:\/\//, '')}\n\ngo 1.22\n\nrequire (\n${deps('go.mod', random.int(1, 4)).map((d) => `\t${d}`).join('\n')}\n)\n`
    case 'Cargo.toml':
      return `[package]\nname = "${repo.name.replaceAll('.', '-')}"\nversion = "${version}"\nedition = "2021"\n\n[dependencies]\n${deps('Cargo.toml', random.int(1, 4)).join('\n')}\n`
    case 'composer.json':
      return JSON.stringify({ name: `${context.ownerLogin}/${repo.name}`.toLowerCase(), type: 'project', license: repo.license ?? 'proprietary', require: { php: '>=8.2', ...Object.fromEntries(deps('composer.json', random.int(1, 4)).map((d) => d.split('@'))) } }, null, 4) + '\n'
    case 'Gemfile':
      return `source "https://rubygems.org"\n\nruby "3.3.1"\n\n${deps('Gemfile', random.int(1, 4)).map((d) => { const [gem, v] = d.split('|'); return `gem "${gem}", "${v}"` }).join('\n')}\n`
    default:
      return path.endsWith('.ipynb')
        ? JSON.stringify({ cells: [{ cell_type: 'markdown', metadata: {}, source: [`# ${repo.name}`] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }) + '\n'
        : `// ${repo.name}: ${repo.description ?? ''}\n// SPDX-License-Identifier: ${repo.license ?? 'NONE'}\n`
  }
}
