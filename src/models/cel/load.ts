/**
 * The CEL engine, loaded on first need (Rule.prepare of the rules that evaluate CEL, or the
 * config when it declares custom rules): a run whose input and config hold no CEL never
 * imports it (test/cel-lazy.test.ts).
 */
import type * as Engine from "./engine.js";

export type CelEngine = typeof Engine;
export type { CelCompileError, CelOutcome, CelProgram, CostBudget, ResultType } from "./engine.js";

let engine: CelEngine | undefined;

export async function loadCel(): Promise<CelEngine> {
  engine ??= await import("./engine.js");
  return engine;
}

/** The engine once loaded; rules call it from `check`, after their `prepare` loaded it. */
export function celEngine(): CelEngine {
  if (!engine) throw new Error("the CEL engine was not loaded (Rule.prepare)");
  return engine;
}

/** Whether this process has loaded the engine (start-up cost is paid only by inputs with CEL). */
export function celLoaded(): boolean {
  return engine !== undefined;
}
