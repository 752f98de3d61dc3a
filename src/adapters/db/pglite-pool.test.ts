import { PGlite } from '@electric-sql/pglite'
import { afterAll, describe, expect, it } from 'vitest'
import { PGlitePool, servingRequest } from './pglite-pool.ts'

const pglite = new PGlite()
afterAll(() => pglite.close())

describe('PGlitePool', () => {
  it('hands its one session to the earliest request first, then in the order asked, one at a time', async () => {
    const pool = new PGlitePool(pglite)
    const holder = await pool.connect()
    const granted: string[] = []
    const ask = (name: string, at?: number) => {
      const connect = () =>
        pool.connect().then(async (client) => {
          granted.push(name)
          await client.query('select 1')
          client.release()
        })
      return at === undefined ? connect() : servingRequest(at, connect)
    }
    const all = Promise.all([ask('late request', 3000), ask('early request', 1000), ask('background job'), ask('middle request', 2000), ask('second early', 1000)])
    await holder.query('select 1')
    holder.release()
    await all
    expect(granted).toEqual(['early request', 'second early', 'middle request', 'late request', 'background job'])
    await pool.end()
    await expect(pool.connect()).rejects.toThrow(/closed/)
  })
})
