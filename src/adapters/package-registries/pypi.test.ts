import { afterEach, describe, expect, it } from 'vitest'
import { RegistryError } from './package-registry.ts'
import { projectNames, PypiRegistry } from './pypi.ts'
import { type RegistryServer, type Reply, startRegistryServer } from './test-server.ts'

/** A profile page as pypi.org renders it (abridged: head, navigation and footer left out). */
function profilePage(projects: { name: string; summary: string }[]): string {
  const snippets = projects
    .map(
      (project) => `
        <a class="package-snippet" href="/project/${project.name.toLowerCase()}/">
          <h3 class="package-snippet__title">${project.name}</h3>
          <p class="package-snippet__meta"><em>Last released <time class="-js-relative-time" datetime="2024-10-02T14:03:12+0000" data-controller="localized-time">Oct 2, 2024</time></em></p>
          <p class="package-snippet__description">${project.summary}</p>
        </a>`,
    )
    .join('')
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
  <head><meta charset="utf-8"><title>Profile of etalab · PyPI</title></head>
  <body data-controller="viewport-toggle">
    <header class="site-header"><a href="/" class="site-header__logo">PyPI</a><a href="/help/">Help</a></header>
    <main id="content">
      <section class="horizontal-section horizontal-section--medium">
        <div class="left-layout">
          <div class="left-layout__sidebar">
            <div class="author-profile">
              <img src="https://pypi-camo.freetls.fastly.net/avatar" alt="Avatar for etalab from gravatar.com">
              <div class="author-profile__info"><h1 class="author-profile__name">Etalab</h1></div>
            </div>
          </div>
          <div class="left-layout__main">
            <h2>${projects.length} projects</h2>
            <div class="package-list">${snippets}
            </div>
          </div>
        </div>
      </section>
    </main>
    <footer><a href="https://github.com/pypi/warehouse">Warehouse</a><a href="/project/pip/#history">not a profile project</a></footer>
  </body>
</html>`
}

/** `/pypi/NAME/json` as PyPI answers it (abridged: descriptions and most release files left out). */
function projectJson(name: string, info: Record<string, unknown>, uploads: string[]): string {
  return JSON.stringify({
    info: {
      author: 'Etalab',
      author_email: 'opendatateam@data.gouv.fr',
      bugtrack_url: null,
      classifiers: ['Development Status :: 5 - Production/Stable', 'License :: OSI Approved :: GNU Affero General Public License v3'],
      description: '# long readme',
      description_content_type: 'text/markdown',
      docs_url: null,
      download_url: '',
      downloads: { last_day: -1, last_month: -1, last_week: -1 },
      dynamic: null,
      home_page: '',
      keywords: '',
      license: 'AGPL',
      maintainer: '',
      maintainer_email: '',
      name,
      package_url: `https://pypi.org/project/${name}/`,
      platform: null,
      project_url: `https://pypi.org/project/${name}/`,
      project_urls: null,
      provides_extra: null,
      release_url: `https://pypi.org/project/${name}/1.0.0/`,
      requires_dist: ['Flask>=2.3'],
      requires_python: '>=3.9',
      summary: '',
      version: '1.0.0',
      yanked: false,
      yanked_reason: null,
      ...info,
    },
    last_serial: 25478511,
    releases: { '1.0.0': [] },
    urls: uploads.map((time, i) => ({
      comment_text: '',
      digests: { blake2b_256: 'f0', md5: 'a1', sha256: 'b2' },
      downloads: -1,
      filename: `${name}-1.0.0${i ? '.tar.gz' : '-py3-none-any.whl'}`,
      has_sig: false,
      packagetype: i ? 'sdist' : 'bdist_wheel',
      python_version: i ? 'source' : 'py3',
      size: 1_234_567,
      upload_time: time.replace(/\.\d+Z$/, ''),
      upload_time_iso_8601: time,
      url: `https://files.pythonhosted.org/packages/${name}`,
      yanked: false,
      yanked_reason: null,
    })),
    vulnerabilities: [],
  })
}

const projects: Record<string, string> = {
  udata: projectJson(
    'udata',
    {
      summary: 'Open data portal',
      version: '10.0.3',
      home_page: 'https://github.com/opendatateam/udata',
      project_urls: { Homepage: 'https://github.com/opendatateam/udata' },
    },
    ['2024-10-02T14:03:14.118922Z', '2024-10-02T14:03:12.006813Z'],
  ),
  csvapi: projectJson(
    'csvapi',
    {
      summary: 'An instant JSON API for your CSV',
      version: '2.2.1',
      home_page: null,
      project_urls: { Documentation: 'https://csvapi.readthedocs.io', Homepage: 'https://www.data.gouv.fr', Source: 'https://github.com/etalab/csvapi' },
    },
    ['2023-03-14T09:30:00.000000Z'],
  ),
  'udata-front': projectJson('udata-front', { home_page: 'UNKNOWN', project_urls: { Code: 'git+https://gitlab.com/etalab/udata-front.git' } }, []),
  'geo-utils': projectJson('geo_utils', { project_urls: { Homepage: 'https://git.data.gouv.fr/etalab/geo-utils' } }, ['2022-01-01T00:00:00Z']),
  'removed-project': '',
  // Old answers had no upload_time_iso_8601.
  'hydra-client': JSON.stringify({ info: { name: 'hydra-client', version: '0.3.0', summary: 'Client', project_urls: null }, urls: [{ filename: 'hydra_client-0.3.0.tar.gz', upload_time: '2019-06-21T08:15:02' }] }),
}

let server: RegistryServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function pypi(overrides: Record<string, Reply | null> = {}) {
  return (url: URL): Reply | null => {
    if (url.pathname in overrides) return overrides[url.pathname]!
    if (url.pathname === '/user/etalab/') {
      return { type: 'text/html; charset=utf-8', body: profilePage(Object.keys(projects).map((name) => ({ name, summary: `${name} summary` }))) }
    }
    const project = /^\/pypi\/([^/]+)\/json$/.exec(url.pathname)?.[1]
    if (project && projects[project]) return { body: projects[project], delayMs: 20 }
    return { status: 404, type: 'application/json', body: '{"message": "Not Found"}' }
  }
}

const etalab = { ecosystem: 'pypi', kind: 'user', name: 'etalab' } as const

describe('PyPI', () => {
  it("lists a user's projects from the profile page, then describes each from the JSON API, four at a time at most", async () => {
    server = await startRegistryServer(pypi())
    const packages = await new PypiRegistry({ baseUrl: server.url }).listPackages(etalab)
    expect(server.requests[0]).toBe('/user/etalab/')
    expect(server.requests.slice(1).sort()).toEqual(Object.keys(projects).map((name) => `/pypi/${name}/json`).sort())
    expect(server.maxInFlight).toBeLessThanOrEqual(4)
    expect(packages).toEqual([
      {
        ecosystem: 'pypi',
        name: 'udata',
        version: '10.0.3',
        description: 'Open data portal',
        homepage: 'https://github.com/opendatateam/udata',
        repositoryUrl: 'https://github.com/opendatateam/udata',
        publishedAt: '2024-10-02T14:03:12.006Z',
      },
      {
        ecosystem: 'pypi',
        name: 'csvapi',
        version: '2.2.1',
        description: 'An instant JSON API for your CSV',
        homepage: 'https://www.data.gouv.fr/',
        repositoryUrl: 'https://github.com/etalab/csvapi',
        publishedAt: '2023-03-14T09:30:00.000Z',
      },
      { ecosystem: 'pypi', name: 'udata-front', version: '1.0.0', description: null, homepage: null, repositoryUrl: 'https://gitlab.com/etalab/udata-front', publishedAt: null },
      {
        ecosystem: 'pypi',
        name: 'geo_utils',
        version: '1.0.0',
        description: null,
        homepage: 'https://git.data.gouv.fr/etalab/geo-utils',
        repositoryUrl: 'https://git.data.gouv.fr/etalab/geo-utils',
        publishedAt: '2022-01-01T00:00:00.000Z',
      },
      // removed-project: linked from the page, 404 on the API, left out.
      { ecosystem: 'pypi', name: 'hydra-client', version: '0.3.0', description: 'Client', homepage: null, repositoryUrl: null, publishedAt: '2019-06-21T08:15:02.000Z' },
    ])
  })

  it("reads an organisation's page, and an empty profile as no projects", async () => {
    server = await startRegistryServer(pypi({ '/org/datagouv/': { type: 'text/html', body: profilePage([{ name: 'udata', summary: 'Open data portal' }]) }, '/user/nobody/': { type: 'text/html', body: profilePage([]) } }))
    const registry = new PypiRegistry({ baseUrl: server.url })
    expect((await registry.listPackages({ ecosystem: 'pypi', kind: 'organization', name: 'datagouv' })).map((p) => p.name)).toEqual(['udata'])
    expect(await registry.listPackages({ ecosystem: 'pypi', kind: 'user', name: 'nobody' })).toEqual([])
  })

  it('fails clearly on an unknown user, a page that is not a profile, a failing or invalid project answer', async () => {
    const failure = async (overrides: Record<string, Reply | null>, name = 'etalab') => {
      server = await startRegistryServer(pypi(overrides))
      try {
        return await new PypiRegistry({ baseUrl: server.url }).listPackages({ ...etalab, name }).then(() => undefined, (error: unknown) => error)
      } finally {
        await server.close()
        server = undefined
      }
    }
    const unknown = await failure({}, 'no-such-user')
    expect(unknown).toBeInstanceOf(RegistryError)
    expect(unknown).toMatchObject({ status: 404, message: expect.stringMatching(/^PyPI has no user "no-such-user"/) })
    const challenge = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="challenge-running">Checking your browser</div></body></html>'
    expect(await failure({ '/user/etalab/': { type: 'text/html', body: challenge } })).toMatchObject({ message: expect.stringContaining('is not a PyPI profile page as Socle knows it') })
    expect(await failure({ '/pypi/csvapi/json': { status: 502, type: 'text/html', body: '<h1>Bad gateway</h1>' } })).toMatchObject({ status: 502, message: expect.stringMatching(/\/pypi\/csvapi\/json answered 502/) })
    expect(await failure({ '/pypi/udata/json': { body: '<html>maintenance</html>' } })).toMatchObject({ message: expect.stringContaining('/pypi/udata/json answered invalid JSON') })
    expect(await failure({ '/pypi/udata/json': { body: '{"message": "ok"}' } })).toMatchObject({ message: expect.stringContaining('is not a PyPI project answer') })
  })

  it('takes project links, once each, and nothing else', () => {
    expect(projectNames('<a href="/project/udata/">x</a><a href="https://pypi.org/project/csvapi/">y</a><a href="/project/udata/#history">z</a><a href="/project/udata/">again</a><a href="/search/?q=x">s</a>')).toEqual(['udata', 'csvapi'])
  })
})
