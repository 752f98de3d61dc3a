import { describe, expect, it } from 'vitest'
import { readCargoToml } from './cargo.ts'

describe('Cargo.toml', () => {
  it('reads dependency tables, inline tables, renames, targets and the workspace; skips path-only crates', () => {
    const cargo = `[package]
name = "transport-validator"
version = "0.1.0"
edition = "2021"
license = "MIT"

[dependencies]
serde = { version = "1.0", features = ["derive"] }
serde_json = "1.0.115"
gtfs-structures = "0.41"
actix-web = { version = "4", default-features = false }
geo = { git = "https://github.com/georust/geo", branch = "main" }
validator-core = { path = "core" }
log = { workspace = true }
rand_legacy = { package = "rand", version = "0.7" }

[dependencies.reqwest]
version = "0.12"
features = ["blocking", "json"]

[target.'cfg(unix)'.dependencies]
nix = "0.28"

[dev-dependencies]
pretty_assertions = "1"

[build-dependencies]
cc = "1.0"

[workspace]
members = ["core"]

[workspace.dependencies]
log = "0.4.21"
`
    const reading = readCargoToml(cargo, 'Cargo.toml')
    expect(reading.problems).toEqual([])
    expect(reading.dependencies.map((d) => [d.ecosystem, d.name, d.version, d.scope])).toEqual([
      ['cargo', 'serde', '1.0', 'runtime'],
      ['cargo', 'serde_json', '1.0.115', 'runtime'],
      ['cargo', 'gtfs-structures', '0.41', 'runtime'],
      ['cargo', 'actix-web', '4', 'runtime'],
      ['cargo', 'geo', null, 'runtime'],
      ['cargo', 'log', null, 'runtime'],
      ['cargo', 'rand', '0.7', 'runtime'],
      ['cargo', 'reqwest', '0.12', 'runtime'],
      ['cargo', 'cc', '1.0', 'runtime'],
      ['cargo', 'pretty_assertions', '1', 'dev'],
      ['cargo', 'nix', '0.28', 'runtime'],
      ['cargo', 'log', '0.4.21', 'runtime'],
    ])
  })

  it('reports invalid TOML with its line', () => {
    expect(readCargoToml('[package]\nname = "x"\n\n[dependencies]\nserde = 1.0.0\nlog = "0.4"\n', 'Cargo.toml')).toMatchObject({
      dependencies: [],
      readable: false,
      problems: [{ file: 'Cargo.toml', line: 5, message: 'Invalid TOML: illegal character in numeric literal.' }],
    })
    expect(readCargoToml('[package]\nname = "x"\n[package]\nname = "y"\n', 'Cargo.toml').problems).toEqual([
      { file: 'Cargo.toml', line: 3, message: 'Invalid TOML: trying to redefine an already defined table or value.' },
    ])
  })
})
