import { z } from 'zod'

/** Page parameters shared by every list: 1-based page, at most 100 items a page. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
