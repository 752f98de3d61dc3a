/** One page of a list, with what a pager needs. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface PageRequest {
  /** 1-based. */
  page: number
  pageSize: number
}

export function pageCount(page: Pick<Page<unknown>, 'total' | 'pageSize'>): number {
  return Math.max(1, Math.ceil(page.total / page.pageSize))
}
