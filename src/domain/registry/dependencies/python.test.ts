import { describe, expect, it } from 'vitest'
import { normalizePypiName, parseRequirement, readPipfile, readPoetryLock, readPyproject, readRequirementsTxt } from './python.ts'

const triples = (reading: { dependencies: { name: string; version: string | null; scope: string }[] }) => reading.dependencies.map((d) => [d.name, d.version, d.scope])

describe('PEP 503 and PEP 508', () => {
  it('normalises names', () => {
    expect(normalizePypiName('Flask_SQLAlchemy')).toBe('flask-sqlalchemy')
    expect(normalizePypiName('zope.interface')).toBe('zope-interface')
    expect(normalizePypiName('ruamel.yaml.clib')).toBe('ruamel-yaml-clib')
    expect(normalizePypiName('a__-._b')).toBe('a-b')
  })

  it('reads a requirement with extras, specifiers, markers and URLs', () => {
    expect(parseRequirement('requests[security,socks] >= 2.31, < 3 ; python_version >= "3.8"')).toEqual({ name: 'requests', version: '>=2.31,<3' })
    expect(parseRequirement('Django (>=4.2,<5.0)')).toEqual({ name: 'django', version: '>=4.2,<5.0' })
    expect(parseRequirement('pip @ https://github.com/pypa/pip/archive/22.0.2.zip')).toEqual({ name: 'pip', version: null })
    expect(parseRequirement('torch==2.1.0+cu118')).toEqual({ name: 'torch', version: '==2.1.0+cu118' })
    expect(parseRequirement('numpy')).toEqual({ name: 'numpy', version: null })
    expect(parseRequirement('not a requirement')).toBeUndefined()
  })
})

const requirements = `# Dépendances de production d'udata
-r requirements/base.txt
--index-url https://pypi.org/simple
-c constraints.txt

Flask==2.3.3
flask-babel>=3.1.0  # traductions
Flask_Caching~=2.0.2
celery[redis] >=5.3, <6 ; python_version >= "3.9"
mongoengine==0.27.0 \\
    --hash=sha256:8f38df7834dc4b192d89f2668dcf3091748d12f74d55648ce77b919167a4a49b \\
    --hash=sha256:c3523b8f886052f3deb200b3218bcc13e4b781661e3bea38587cc936c80ea358
-e git+https://github.com/opendatateam/flask-storage.git@v1.3.2#egg=flask-storage
-e .
https://github.com/etalab/uData-harvest/archive/master.zip#egg=udata_harvest
./vendor/local-package
pywin32==306; sys_platform == "win32"
this is not valid
`

describe('requirements.txt', () => {
  it('reads a real-looking file: comments, options, continuations, markers, extras, editables and URLs', () => {
    const reading = readRequirementsTxt(requirements, 'requirements.txt')
    expect(triples(reading)).toEqual([
      ['flask', '==2.3.3', 'runtime'],
      ['flask-babel', '>=3.1.0', 'runtime'],
      ['flask-caching', '~=2.0.2', 'runtime'],
      ['celery', '>=5.3,<6', 'runtime'],
      ['mongoengine', '==0.27.0', 'runtime'],
      ['flask-storage', null, 'runtime'],
      ['udata-harvest', null, 'runtime'],
      ['pywin32', '==306', 'runtime'],
    ])
    expect(reading.problems).toEqual([{ file: 'requirements.txt', line: 18, message: 'Not a requirement: "this is not valid".' }])
  })

  it('handles Windows line ends and a byte order mark', () => {
    expect(triples(readRequirementsTxt('\uFEFFpandas>=2.0\r\nnumpy\r\n', 'requirements.txt'))).toEqual([
      ['pandas', '>=2.0', 'runtime'],
      ['numpy', null, 'runtime'],
    ])
  })
})

const pep621 = `[build-system]
requires = ["setuptools>=61", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "csvapi"
version = "2.2.1"
description = "An instant JSON API for your CSV"
requires-python = ">=3.9"
dependencies = [
    "aiohttp>=3.9",
    "Quart==0.19.4",
    "agate-excel (==0.4.1)",
    "python-magic; sys_platform != 'win32'",
]

[project.optional-dependencies]
test = ["pytest>=7", "pytest-asyncio", "aioresponses"]
sentry = ["sentry-sdk[quart]>=1.40"]

[dependency-groups]
lint = ["ruff>=0.3", { include-group = "test" }]

[project.scripts]
csvapi = "csvapi.cli:cli"
`

const poetry = `[tool.poetry]
name = "hydra"
version = "2.0.1"
description = "Le crawler de data.gouv.fr"
authors = ["Etalab <opendatateam@data.gouv.fr>"]

[tool.poetry.dependencies]
python = ">=3.11,<3.13"
aiohttp = "^3.9.3"
asyncpg = { version = "^0.29.0", extras = ["sa"] }
sentry-sdk = { version = ">=1.40", optional = true }
udata-hydra-csvapi = { git = "https://github.com/datagouv/csvapi.git", branch = "main" }
local-helpers = { path = "../helpers", develop = true }
numpy = [
  { version = "<1.25", python = "<3.9" },
  { version = "^1.26", python = ">=3.9" },
]

[tool.poetry.group.dev.dependencies]
pytest = "^8.0"
Pytest_Mock = "*"

[tool.poetry.dev-dependencies]
black = "^24.2"
`

describe('pyproject.toml', () => {
  it('reads PEP 621 dependencies (runtime), optional ones and dependency groups (dev)', () => {
    const reading = readPyproject(pep621, 'pyproject.toml')
    expect(reading.problems).toEqual([])
    expect(triples(reading)).toEqual([
      ['aiohttp', '>=3.9', 'runtime'],
      ['quart', '==0.19.4', 'runtime'],
      ['agate-excel', '==0.4.1', 'runtime'],
      ['python-magic', null, 'runtime'],
      ['pytest', '>=7', 'dev'],
      ['pytest-asyncio', null, 'dev'],
      ['aioresponses', null, 'dev'],
      ['sentry-sdk', '>=1.40', 'dev'],
      ['ruff', '>=0.3', 'dev'],
    ])
  })

  it("reads Poetry's dependencies, groups and legacy dev-dependencies", () => {
    const reading = readPyproject(poetry, 'pyproject.toml')
    expect(reading.problems).toEqual([])
    expect(triples(reading)).toEqual([
      ['aiohttp', '^3.9.3', 'runtime'],
      ['asyncpg', '^0.29.0', 'runtime'],
      ['sentry-sdk', '>=1.40', 'runtime'],
      ['udata-hydra-csvapi', null, 'runtime'],
      ['numpy', '<1.25', 'runtime'],
      ['black', '^24.2', 'dev'],
      ['pytest', '^8.0', 'dev'],
      ['pytest-mock', null, 'dev'],
    ])
  })

  it('reports invalid TOML with its line', () => {
    expect(readPyproject('[project]\nname = "x"\ndependencies = [\n  "a",\n  "b"\n\n[tool.x]\n', 'pyproject.toml')).toMatchObject({
      dependencies: [],
      readable: false,
      problems: [{ file: 'pyproject.toml', line: expect.any(Number), message: expect.stringMatching(/^Invalid TOML/) }],
    })
    expect(readPyproject('[project]\ndependencies = "requests"\n', 'pyproject.toml').problems).toEqual([
      { file: 'pyproject.toml', line: null, message: '[project] dependencies is not a list of requirements.' },
    ])
  })
})

describe('Pipfile', () => {
  it('reads packages (runtime) and dev-packages (dev)', () => {
    const pipfile = `[[source]]
url = "https://pypi.org/simple"
verify_ssl = true
name = "pypi"

[packages]
django = "==4.2.11"
djangorestframework = "*"
psycopg2-binary = {version = ">=2.9", markers = "platform_python_implementation == 'CPython'"}
"django-cors-headers" = "~=4.3"

[dev-packages]
pytest-django = "*"

[requires]
python_version = "3.11"
`
    const reading = readPipfile(pipfile, 'Pipfile')
    expect(reading.problems).toEqual([])
    expect(triples(reading)).toEqual([
      ['django', '==4.2.11', 'runtime'],
      ['djangorestframework', null, 'runtime'],
      ['psycopg2-binary', '>=2.9', 'runtime'],
      ['django-cors-headers', '~=4.3', 'runtime'],
      ['pytest-django', null, 'dev'],
    ])
  })
})

describe('poetry.lock', () => {
  it('takes the packages no other locked package depends on, dev when not in the main group', () => {
    const lock = `# This file is automatically @generated by Poetry 1.8.2 and should not be changed by hand.

[[package]]
name = "aiohttp"
version = "3.9.3"
description = "Async http client/server framework (asyncio)"
optional = false
python-versions = ">=3.8"
files = [
    {file = "aiohttp-3.9.3.tar.gz", hash = "sha256:90842933e5d1ff760fae6caca4b2b3edba53ba8f4b71e95dacf2818a2aca06f7"},
]

[package.dependencies]
aiosignal = ">=1.1.2"
yarl = ">=1.0,<2.0"

[[package]]
name = "aiosignal"
version = "1.3.1"
optional = false
python-versions = ">=3.7"

[[package]]
name = "yarl"
version = "1.9.4"
optional = false
python-versions = ">=3.7"

[[package]]
name = "pytest"
version = "8.1.1"
optional = false
python-versions = ">=3.8"
groups = ["dev"]

[package.dependencies]
Pluggy = ">=1.4,<2.0"

[[package]]
name = "pluggy"
version = "1.4.0"
optional = false
python-versions = ">=3.8"
groups = ["dev"]

[[package]]
name = "Flask_Cors"
version = "4.0.0"
category = "main"
optional = false
python-versions = "*"

[metadata]
lock-version = "2.0"
python-versions = ">=3.11,<3.13"
content-hash = "bb1e3c4b8c5b0a6bd2e1b2d4f6e43a3e1d0b3c1f0e0b7d6f3b4a0e9c1d2e3f4a"
`
    expect(triples(readPoetryLock(lock, 'poetry.lock'))).toEqual([
      ['aiohttp', '3.9.3', 'runtime'],
      ['pytest', '8.1.1', 'dev'],
      ['flask-cors', '4.0.0', 'runtime'],
    ])
  })
})
