import { describe, expect, it } from 'vitest'
import { runRules } from '../index.ts'
import { memorySnapshot } from '../memory-snapshot.ts'

async function readme(files: Record<string, string>) {
  const report = await runRules(memorySnapshot(files))
  return report.rules.find((rule) => rule.id === 'readme')!
}

describe('the README rule', () => {
  it('reads English headings', async () => {
    const text = '# Tool\n\n## About\n\nMaps.\n\n## Getting started\n\nSee below.\n\n## Contributing\n\nWelcome.\n'
    const result = await readme({ 'README.md': text })
    expect(result.status).toBe('pass')
    expect(result.evidence).toEqual([3, 7, 11].map((line) => ({ file: 'README.md', line })))
  })

  it('reads French headings, accents or not, and reStructuredText underlines', async () => {
    const text = 'Outil\n=====\n\nÀ propos\n--------\n\nCarte.\n\nDémarrage\n---------\n\nParticiper\n----------\n'
    expect((await readme({ 'LISEZMOI.rst': text })).status).toBe('pass')
  })

  it('takes a first paragraph for the purpose, a command for the installation, a link for contributing', async () => {
    const text = [
      '# Carto [![build](https://ci.example/badge.svg)](https://ci.example)',
      '',
      'Carto affiche sur une carte les équipements publics de chaque commune française.',
      '',
      '```sh',
      '# install the dependencies',
      'pip install -r requirements.txt',
      '```',
      '',
      'See [CONTRIBUTING.md](CONTRIBUTING.md).',
    ].join('\n')
    const result = await readme({ 'README.md': text })
    expect(result.status).toBe('pass')
    expect(result.evidence.map((evidence) => evidence.line)).toEqual([3, 7, 10])
  })

  it('lists what is missing; a policy named in passing is not a way to contribute', async () => {
    const text = '# Socle\n\nSocle runs the tools of the State\'s contribution policy for public bodies and their agents.\n\n## Quick start\n\nnpm ci\n'
    const result = await readme({ 'README.md': text })
    expect(result.status).toBe('fail')
    expect(result.message.en).toBe('README.md does not say how to contribute.')
    expect(result.fix?.en).toContain('"Contributing" linking to CONTRIBUTING.md')
    expect(result.fix?.fr).toContain('« Contribuer »')
  })

  it('does not take the comments of a code block for headings', async () => {
    const text = '```sh\n# Installation\n# Contributing\necho\n```\n'
    const result = await readme({ 'README.md': text })
    expect(result.message.en).toBe('README.md does not say what the project does, how to install it, how to contribute.')
  })
})
