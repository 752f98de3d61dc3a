import { describe, expect, it } from 'vitest'
import { readGemfile } from './ruby.ts'

const gemfile = `source "https://rubygems.org"
git_source(:github) { |repo| "https://github.com/#{repo}.git" }

ruby "3.3.0"

# Bundle edge Rails instead: gem "rails", github: "rails/rails", branch: "main"
gem "rails", "~> 7.1.3", ">= 7.1.3.2"
gem "pg", "~> 1.1"
gem "puma", ">= 5.0"
gem "bootsnap", require: false
gem 'dsfr-view-components', '~> 1.6', git: 'https://github.com/betagouv/dsfr-view-components'
gem "tzinfo-data", platforms: %i[ windows jruby ]
gem "rspec-rails", group: :test
gem "annotate", groups: [:development, :test]

group :development, :test do
  gem "debug", platforms: %i[ mri windows ]
  gem "rubocop-rails", require: false
  platforms :mri do
    gem "byebug"
  end
  gem "factory_bot_rails"
end

group :production do
  gem "sentry-ruby"
end

if ENV["DATADOG"]
  gem "ddtrace", "~> 1.20"
end

gem "sidekiq", "~> 7.2" # jobs

group(:test) do
  gem "capybara"
end
`

describe('Gemfile', () => {
  it('reads gems with their constraints, dev inside development/test groups or with an inline group', () => {
    const reading = readGemfile(gemfile, 'Gemfile')
    expect(reading.problems).toEqual([])
    expect(reading.dependencies.map((d) => [d.name, d.version, d.scope])).toEqual([
      ['rails', '~> 7.1.3, >= 7.1.3.2', 'runtime'],
      ['pg', '~> 1.1', 'runtime'],
      ['puma', '>= 5.0', 'runtime'],
      ['bootsnap', null, 'runtime'],
      ['dsfr-view-components', '~> 1.6', 'runtime'],
      ['tzinfo-data', null, 'runtime'],
      ['rspec-rails', null, 'dev'],
      ['annotate', null, 'dev'],
      ['debug', null, 'dev'],
      ['rubocop-rails', null, 'dev'],
      ['byebug', null, 'dev'],
      ['factory_bot_rails', null, 'dev'],
      ['sentry-ruby', null, 'runtime'],
      ['ddtrace', '~> 1.20', 'runtime'],
      ['sidekiq', '~> 7.2', 'runtime'],
      ['capybara', null, 'dev'],
    ])
    expect(reading.dependencies.every((d) => d.ecosystem === 'rubygems')).toBe(true)
  })
})
