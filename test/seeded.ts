/**
 * A deterministic generator of integers for tests that draw many inputs: the same seed gives the
 * same draws on every run, so a failure replays. A linear congruential generator (the C
 * standard's constants, modulo 2^31): quality enough to vary test inputs, not for statistics.
 */
export function seededInts(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}
