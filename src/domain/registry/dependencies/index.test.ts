import { describe, expect, it } from 'vitest'
import { FILE_CAP_BYTES, manifestNames } from '../crawled.ts'
import { extractDependencies, MAX_DEPENDENCIES_PER_MANIFEST } from './index.ts'

const packageJson = JSON.stringify({
  name: 'demarches-simplifiees-front',
  dependencies: { '@gouvfr/dsfr': '^1.11.2', react: '^18.2.0' },
  devDependencies: { typescript: '^5.4.3', react: '^18.2.0' },
})

const packageLock = JSON.stringify({
  name: 'demarches-simplifiees-front',
  lockfileVersion: 3,
  packages: {
    '': { dependencies: { '@gouvfr/dsfr': '^1.11.0', react: '^18.2.0', 'left-pad': '^1.3.0' }, devDependencies: { typescript: '^5.4.3' } },
    'node_modules/@gouvfr/dsfr': { version: '1.11.2' },
    'node_modules/react': { version: '18.2.0' },
  },
})

describe('extractDependencies', () => {
  it('reads every manifest the crawl stores', () => {
    const garbage = Object.fromEntries(manifestNames.map((name) => [name, '{{{ not a manifest <<<']))
    const { problems } = extractDependencies(garbage)
    // Line-based formats (requirements, Gemfile, go.mod, Gradle) have no syntax to break: nothing to say, or a bad
    // line; and requirements.txt speaks for Python, so poetry.lock is not read.
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(manifestNames.filter((name) => !['Gemfile', 'go.mod', 'build.gradle', 'build.gradle.kts', 'poetry.lock'].includes(name))))
  })

  it('keeps one entry per library: runtime wins, the preferred manifest gives the version', () => {
    const { dependencies, problems } = extractDependencies({
      'package.json': packageJson,
      'requirements.txt': 'Django==4.2.11\nPyYAML>=6\n',
      'pyproject.toml': '[project]\nname = "x"\ndependencies = ["django>=4.2"]\n[project.optional-dependencies]\ndev = ["pytest", "pyyaml"]\n',
      'build.gradle': "dependencies {\n  testImplementation 'junit:junit:4.13.2'\n  implementation 'junit:junit'\n}\n",
      'pom.xml': '<project><dependencies><dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.12</version></dependency></dependencies></project>',
    })
    expect(problems).toEqual([])
    expect(dependencies).toEqual([
      { ecosystem: 'npm', name: '@gouvfr/dsfr', version: '^1.11.2', scope: 'runtime', manifest: 'package.json' },
      { ecosystem: 'npm', name: 'react', version: '^18.2.0', scope: 'runtime', manifest: 'package.json' },
      { ecosystem: 'npm', name: 'typescript', version: '^5.4.3', scope: 'dev', manifest: 'package.json' },
      { ecosystem: 'pypi', name: 'django', version: '>=4.2', scope: 'runtime', manifest: 'pyproject.toml' },
      { ecosystem: 'pypi', name: 'pytest', version: null, scope: 'dev', manifest: 'pyproject.toml' },
      { ecosystem: 'pypi', name: 'pyyaml', version: '>=6', scope: 'runtime', manifest: 'pyproject.toml' },
      { ecosystem: 'maven', name: 'junit:junit', version: '4.12', scope: 'runtime', manifest: 'pom.xml' },
    ])
  })

  it('prefers the manifest to its lockfile, and reads the lockfile alone or when the manifest is broken', () => {
    const both = extractDependencies({ 'package.json': packageJson, 'package-lock.json': packageLock })
    expect(both.dependencies.map((d) => `${d.name}@${d.version} ${d.manifest}`)).toEqual(['@gouvfr/dsfr@^1.11.2 package.json', 'react@^18.2.0 package.json', 'typescript@^5.4.3 package.json'])

    const alone = extractDependencies({ 'package-lock.json': packageLock })
    expect(alone.dependencies.map((d) => `${d.name}@${d.version} ${d.scope} ${d.manifest}`)).toEqual([
      '@gouvfr/dsfr@^1.11.0 runtime package-lock.json',
      'react@^18.2.0 runtime package-lock.json',
      'left-pad@^1.3.0 runtime package-lock.json',
      'typescript@^5.4.3 dev package-lock.json',
    ])

    const broken = extractDependencies({ 'package.json': '{"dependencies": {', 'package-lock.json': packageLock })
    expect(broken.dependencies).toHaveLength(4)
    expect(broken.problems).toEqual([{ file: 'package.json', line: 1, message: expect.stringMatching(/^Invalid JSON: /) }])

    const poetry = extractDependencies({
      'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.11"\nrequests = "^2.31"\n',
      'poetry.lock': '[[package]]\nname = "requests"\nversion = "2.31.0"\n\n[[package]]\nname = "black"\nversion = "24.2.0"\ngroups = ["dev"]\n',
    })
    expect(poetry.dependencies.map((d) => `${d.name}@${d.version} ${d.manifest}`)).toEqual(['requests@^2.31 pyproject.toml'])
  })

  it('says a truncated file may be the crawl cutting it', () => {
    const huge = `{"dependencies": {${Array.from({ length: 20_000 }, (_, i) => `"package-${i}": "^1.0.${i}"`).join(', ')}}}`.slice(0, FILE_CAP_BYTES)
    const { problems } = extractDependencies({ 'package-lock.json': huge })
    expect(problems).toEqual([{ file: 'package-lock.json', line: 1, message: expect.stringMatching(/^Invalid JSON: .* \(the file may have been cut at the crawl size cap\)\.$/) }])
  })
})

describe('hostile manifests', () => {
  it(`keeps at most ${MAX_DEPENDENCIES_PER_MANIFEST} dependencies per manifest`, () => {
    const many = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n')
    const { dependencies, problems } = extractDependencies({
      'package.json': JSON.stringify({ dependencies: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`pkg-${i}`, '1.0.0'])) }),
      'requirements.txt': many(50_000, (i) => `package-${i}==1.0`),
      'go.mod': `module x\nrequire (\n${many(5_000, (i) => `example.com/m${i} v1.0.0`)}\n)\n`,
      Gemfile: many(5_000, (i) => `gem "gem-${i}", "~> 1.0"`),
      'build.gradle': many(5_000, (i) => `implementation 'org.example:lib${i}:1'`),
      'Cargo.toml': `[dependencies]\n${many(5_000, (i) => `crate-${i} = "1"`)}`,
      'composer.json': JSON.stringify({ require: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`vendor/p${i}`, '^1'])) }),
      'pom.xml': `<project><dependencies>${many(5_000, (i) => `<dependency><groupId>g</groupId><artifactId>a${i}</artifactId></dependency>`)}</dependencies></project>`,
    })
    expect(dependencies).toHaveLength(8 * MAX_DEPENDENCIES_PER_MANIFEST)
    expect(problems).toHaveLength(8)
    expect(problems.every((p) => p.message === `More than ${MAX_DEPENDENCIES_PER_MANIFEST} dependencies: the rest are ignored.`)).toBe(true)
  })

  it('never throws, whatever the bytes', () => {
    const nasty = [
      '',
      '\u0000\u0001\uFFFD'.repeat(1000),
      '['.repeat(100_000),
      '{"a":'.repeat(50_000),
      'a = ['.repeat(50_000),
      '<a>'.repeat(100_000),
      '\\\n'.repeat(100_000),
      `requests${'==1'.repeat(30_000)}x`,
      `flask ${'>=1,'.repeat(30_000)}!`,
      `implementation ${'"a:b:c" '.repeat(20_000)}`,
      `gem "x", ${'"1", '.repeat(30_000)}`,
      `require ${'a '.repeat(50_000)}`,
      '/*'.repeat(50_000),
      `"${'\\"'.repeat(50_000)}`,
      // Once catastrophic for backtracking patterns: whitespace runs between optional parts, nested quantifiers.
      `group${' '.repeat(100_000)}x`,
      `gem${' '.repeat(100_000)}x`,
      `${' '.repeat(100_000)}x = '1'`,
      JSON.stringify({ require: { [`vendor/${'a'.repeat(50)}!`]: '1' } }),
      '{"dependencies": {"__proto__": "1", "constructor": "2"}}',
      '[dependencies]\n__proto__ = "1"\n',
    ]
    for (const text of nasty) {
      const manifests = Object.fromEntries(manifestNames.map((name) => [name, text]))
      expect(() => extractDependencies(manifests)).not.toThrow()
    }
  })

  it('does not read a file four times larger than the crawl keeps', () => {
    const { dependencies, problems } = extractDependencies({ 'go.mod': `module x\n${'// padding\n'.repeat(FILE_CAP_BYTES)}require example.com/m v1.0.0\n` })
    expect(dependencies).toEqual([])
    expect(problems).toEqual([{ file: 'go.mod', line: null, message: `Larger than ${4 * FILE_CAP_BYTES} characters: not read.` }])
  })

  it('reads no more than the problems worth reading', () => {
    const { problems } = extractDependencies({ 'requirements.txt': 'not valid at all\n'.repeat(10_000) })
    expect(problems).toHaveLength(20)
    expect(problems[0]).toEqual({ file: 'requirements.txt', line: 1, message: 'Not a requirement: "not valid at all".' })
  })
})
