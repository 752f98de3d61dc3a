import { describe, expect, it } from 'vitest'
import { readPackageJson, readPackageLock } from './npm.ts'

const packageJson = `{
  "name": "@etalab/decoupage-administratif",
  "version": "4.0.0",
  "description": "Découpage administratif de la France",
  "type": "module",
  "scripts": { "build": "node build/index.js", "lint": "xo", "test": "ava" },
  "dependencies": {
    "@turf/area": "^7.1.0",
    "got": "^14.4.2",
    "lodash-es": "npm:lodash@^4.17.21",
    "@etalab/project-legal": "^0.6.0"
  },
  "peerDependencies": { "react": ">=18" },
  "optionalDependencies": { "fsevents": "~2.3.3" },
  "devDependencies": {
    "ava": "^6.1.3",
    "xo": "^0.59.3",
    "got": "^14.4.2"
  },
  "bundledDependencies": ["got"],
  "engines": { "node": ">= 18" }
}
`

describe('package.json', () => {
  it('reads dependencies, peer and optional ones as runtime, devDependencies as dev', () => {
    const { dependencies, problems } = readPackageJson(packageJson, 'package.json')
    expect(problems).toEqual([])
    expect(dependencies.map((d) => [d.name, d.version, d.scope])).toEqual([
      ['@turf/area', '^7.1.0', 'runtime'],
      ['got', '^14.4.2', 'runtime'],
      ['lodash', '^4.17.21', 'runtime'],
      ['@etalab/project-legal', '^0.6.0', 'runtime'],
      ['react', '>=18', 'runtime'],
      ['fsevents', '~2.3.3', 'runtime'],
      ['ava', '^6.1.3', 'dev'],
      ['xo', '^0.59.3', 'dev'],
      ['got', '^14.4.2', 'dev'],
    ])
    expect(dependencies.every((d) => d.ecosystem === 'npm' && d.manifest === 'package.json')).toBe(true)
  })

  it('reports invalid JSON with its line, and sections of the wrong shape', () => {
    expect(readPackageJson('{\n  "name": "x",\n  "dependencies": {\n    "a": "^1",\n  }\n}', 'package.json')).toMatchObject({
      dependencies: [],
      readable: false,
      problems: [{ file: 'package.json', line: 5, message: expect.stringMatching(/^Invalid JSON/) }],
    })
    expect(readPackageJson('[1, 2]', 'package.json').problems).toEqual([{ file: 'package.json', line: 1, message: 'Expected a JSON object.' }])
    const wrong = readPackageJson('{"dependencies": ["a"], "devDependencies": {"Not A Name!": "1", "ok": "1"}}', 'package.json')
    expect(wrong.dependencies.map((d) => d.name)).toEqual(['ok'])
    expect(wrong.problems.map((p) => p.message)).toEqual(['"dependencies" in package.json is not an object of names and versions.', '"Not A Name!" is not an npm package name.'])
  })
})

const lockV3 = `{
  "name": "sill-web",
  "version": "1.2.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "sill-web",
      "version": "1.2.0",
      "license": "MIT",
      "dependencies": { "@codegouvfr/react-dsfr": "^1.9.0", "react": "^18.3.1" },
      "devDependencies": { "vite": "^5.2.0" }
    },
    "node_modules/@codegouvfr/react-dsfr": { "version": "1.9.11", "resolved": "https://registry.npmjs.org/@codegouvfr/react-dsfr/-/react-dsfr-1.9.11.tgz", "dependencies": { "tsafe": "^1.6.6" } },
    "node_modules/react": { "version": "18.3.1", "dependencies": { "loose-envify": "^1.1.0" } },
    "node_modules/loose-envify": { "version": "1.4.0" },
    "node_modules/tsafe": { "version": "1.6.6" },
    "node_modules/vite": { "version": "5.2.11", "dev": true, "dependencies": { "esbuild": "^0.20.1" } },
    "node_modules/esbuild": { "version": "0.20.2", "dev": true }
  }
}
`

const lockV1 = `{
  "name": "api-geo",
  "version": "2.1.0",
  "lockfileVersion": 1,
  "requires": true,
  "dependencies": {
    "accepts": { "version": "1.3.7", "requires": { "mime-types": "~2.1.24", "negotiator": "0.6.2" } },
    "express": { "version": "4.17.1", "requires": { "accepts": "~1.3.7", "debug": "2.6.9" } },
    "debug": { "version": "2.6.9", "requires": { "ms": "2.0.0" } },
    "ms": { "version": "2.0.0" },
    "mime-types": { "version": "2.1.27" },
    "negotiator": { "version": "0.6.2" },
    "mocha": { "version": "8.1.3", "dev": true, "requires": { "debug": "4.1.1" },
      "dependencies": { "debug": { "version": "4.1.1", "dev": true, "requires": { "ms": "2.1.2" } } } }
  }
}
`

describe('package-lock.json', () => {
  it('takes the direct dependencies from the root package of versions 2 and 3', () => {
    expect(readPackageLock(lockV3, 'package-lock.json').dependencies.map((d) => [d.name, d.version, d.scope])).toEqual([
      ['@codegouvfr/react-dsfr', '^1.9.0', 'runtime'],
      ['react', '^18.3.1', 'runtime'],
      ['vite', '^5.2.0', 'dev'],
    ])
  })

  it('takes the packages no other requires from a version 1 tree', () => {
    expect(readPackageLock(lockV1, 'package-lock.json').dependencies.map((d) => [d.name, d.version, d.scope])).toEqual([
      ['express', '4.17.1', 'runtime'],
      ['mocha', '8.1.3', 'dev'],
    ])
  })

  it('says when the JSON is not a lockfile', () => {
    expect(readPackageLock('{"name": "x"}', 'package-lock.json')).toMatchObject({ readable: false, problems: [{ message: expect.stringContaining('not a package-lock.json') }] })
  })
})
