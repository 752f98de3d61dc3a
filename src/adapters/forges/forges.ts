import type { ForgeKind } from '../../domain/sources/forge-kinds.ts'
import type { ForgeAdapter } from './forge-adapter.ts'
import { ForgeHttp, type ForgeHttpOptions } from './forge-http.ts'
import { GiteaAdapter } from './gitea.ts'
import { GitHubAdapter } from './github.ts'
import { GitLabAdapter } from './gitlab.ts'
import { PlainGitAdapter } from './plain-git.ts'

/**
 * The adapters of every forge a crawl meets, one HTTP client per API base URL, so that all accounts
 * of a forge share its concurrency limit and its tokens' budgets.
 */
export class Forges {
  readonly #clients = new Map<string, ForgeHttp>()

  constructor(
    /** Tokens by forge host (from SOCLE_FORGE_TOKENS). */
    private readonly tokens: Record<string, string[]> = {},
    private readonly httpOptions: Omit<ForgeHttpOptions, 'tokens' | 'authHeader'> = {},
  ) {}

  http(kind: ForgeKind, host: string, apiUrl: string): ForgeHttp {
    let client = this.#clients.get(apiUrl)
    if (!client) {
      client = new ForgeHttp({
        ...this.httpOptions,
        tokens: this.tokens[host] ?? [],
        authHeader: kind === 'gitlab' ? (token) => ({ 'private-token': token }) : kind === 'github' ? (token) => ({ authorization: `Bearer ${token}` }) : (token) => ({ authorization: `token ${token}` }),
      })
      this.#clients.set(apiUrl, client)
    }
    return client
  }

  adapterFor(source: { forge: string; host: string; api_url: string }): ForgeAdapter {
    const kind = source.forge as ForgeKind
    switch (kind) {
      case 'github':
        return new GitHubAdapter(this.http(kind, source.host, source.api_url), source.api_url)
      case 'gitlab':
        return new GitLabAdapter(this.http(kind, source.host, source.api_url), source.api_url)
      case 'gitea':
        return new GiteaAdapter(this.http(kind, source.host, source.api_url), source.api_url)
      case 'git':
        return new PlainGitAdapter(source.api_url)
    }
  }

  /** Requests sent, by API base URL: for progress and benchmarks. */
  requestCounts(): Record<string, number> {
    return Object.fromEntries([...this.#clients].map(([url, client]) => [url, client.stats.requests]))
  }
}
