import { describe, expect, it } from 'vitest'
import { readComposerJson } from './php.ts'

describe('composer.json', () => {
  it('reads require (runtime) and require-dev (dev), lower-cases names, skips the platform', () => {
    const composer = `{
    "name": "ademe/agribalyse-api",
    "type": "project",
    "license": "AGPL-3.0-or-later",
    "require": {
        "php": ">=8.2",
        "ext-ctype": "*",
        "ext-iconv": "*",
        "lib-libxml": "*",
        "composer-runtime-api": "^2.2",
        "api-platform/core": "^3.2",
        "Doctrine/ORM": "^2.17",
        "symfony/framework-bundle": "6.4.*",
        "symfony/flex": "^2"
    },
    "require-dev": {
        "phpunit/phpunit": "^10.5",
        "symfony/maker-bundle": "^1.52"
    },
    "config": { "allow-plugins": { "symfony/flex": true } }
}
`
    const reading = readComposerJson(composer, 'composer.json')
    expect(reading.problems).toEqual([])
    expect(reading.dependencies.map((d) => [d.ecosystem, d.name, d.version, d.scope])).toEqual([
      ['packagist', 'api-platform/core', '^3.2', 'runtime'],
      ['packagist', 'doctrine/orm', '^2.17', 'runtime'],
      ['packagist', 'symfony/framework-bundle', '6.4.*', 'runtime'],
      ['packagist', 'symfony/flex', '^2', 'runtime'],
      ['packagist', 'phpunit/phpunit', '^10.5', 'dev'],
      ['packagist', 'symfony/maker-bundle', '^1.52', 'dev'],
    ])
  })

  it('takes an empty [] section as nothing, and reports names without a vendor', () => {
    const reading = readComposerJson('{"require": {"monolog": "^3"}, "require-dev": []}', 'composer.json')
    expect(reading.dependencies).toEqual([])
    expect(reading.problems).toEqual([{ file: 'composer.json', line: null, message: '"monolog" is not a vendor/package name.' }])
  })
})
