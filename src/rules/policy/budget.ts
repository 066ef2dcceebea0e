/**
 * The CEL cost budget of a whole run: every CRD rule, admission policy and custom rule of the
 * run draws from it, so an input full of expensive expressions ends in bounded time. Twice the
 * API server's budget for one request (RuntimeCELCostBudget, 10,000,000): about 10 seconds of
 * evaluation on a slow machine, then every further CEL evaluation of the run is skipped with a
 * finding where it stopped.
 */
import type { CostBudget } from "../../models/cel/load.js";
import { memoKey, type Memo } from "../../models/run-memo.js";

export const RUN_BUDGET = 20_000_000;

const BUDGET = memoKey<CostBudget>("CEL cost budget of the run");

export function runBudget(memo: Memo): CostBudget {
  return memo(BUDGET, () => ({ remaining: RUN_BUDGET }));
}

/** What a finding says when an evaluation was stopped. */
export function exceededMessage(what: string, exceeded: "call" | "budget", runExhausted: boolean): string {
  if (runExhausted) return `${what} was stopped: the CEL cost budget of the run (${RUN_BUDGET}) is used up, so the CEL expressions left are not evaluated`;
  if (exceeded === "budget") return `${what} was stopped: the CEL expressions on this object together exceed the cost budget of 10000000 the API server allows one request`;
  return `${what} was stopped: its cost exceeds the per-expression limit of 1000000 the API server applies (it rejects the object with "call cost exceeds limit")`;
}
