// Rate-limit budgets: a number of points per key (token, or address when anonymous) that refills
// when its window ends, as GitHub's hourly and GitLab's per-minute limits do. The clock is injectable
// so that a test can cross a reset without waiting.

export interface Budget {
  limit: number
  used: number
  /** Epoch milliseconds at which the budget refills. */
  resetAt: number
}

export class Budgets {
  private readonly budgets = new Map<string, Budget>()

  constructor(
    private readonly windowMs: number,
    private readonly clock: () => number,
  ) {}

  /** The budget of `key`, refilled first if its window has ended. */
  get(key: string, limit: number): Budget {
    const now = this.clock()
    let budget = this.budgets.get(key)
    if (!budget || now >= budget.resetAt) {
      budget = { limit, used: 0, resetAt: now + this.windowMs }
      this.budgets.set(key, budget)
    }
    return budget
  }

  /** Uses up what is left of the budget of `key` (the rate-limit fault). */
  exhaust(key: string, limit: number): Budget {
    const budget = this.get(key, limit)
    budget.used = Math.max(budget.used, budget.limit)
    return budget
  }
}

export function remaining(budget: Budget): number {
  return Math.max(0, budget.limit - budget.used)
}

/** Epoch seconds, as the rate-limit headers give the reset time. */
export function resetSeconds(budget: Budget): number {
  return Math.ceil(budget.resetAt / 1000)
}
