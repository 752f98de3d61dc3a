import { describe, expect, it } from 'vitest'
import { readGoMod } from './go.ts'

describe('go.mod', () => {
  it('reads require lines and blocks, indirect ones as runtime, and ignores replace and exclude', () => {
    const goMod = `module github.com/etalab/transport-validator-go

go 1.22

toolchain go1.22.1

require github.com/spf13/cobra v1.8.0

require (
	github.com/jackc/pgx/v5 v5.5.5
	golang.org/x/text v0.14.0 // indirect
	"github.com/quoted/module" v0.1.0
	gopkg.in/yaml.v3 v3.0.1
	not-a-requirement
)

replace github.com/spf13/cobra => ../cobra

replace (
	golang.org/x/net v0.1.0 => golang.org/x/net v0.2.0
)

exclude golang.org/x/crypto v0.0.1
`
    const reading = readGoMod(goMod, 'go.mod')
    expect(reading.dependencies.map((d) => [d.ecosystem, d.name, d.version, d.scope])).toEqual([
      ['go', 'github.com/spf13/cobra', 'v1.8.0', 'runtime'],
      ['go', 'github.com/jackc/pgx/v5', 'v5.5.5', 'runtime'],
      ['go', 'golang.org/x/text', 'v0.14.0', 'runtime'],
      ['go', 'github.com/quoted/module', 'v0.1.0', 'runtime'],
      ['go', 'gopkg.in/yaml.v3', 'v3.0.1', 'runtime'],
    ])
    expect(reading.problems).toEqual([{ file: 'go.mod', line: 14, message: 'Not a module requirement: "not-a-requirement".' }])
  })
})
