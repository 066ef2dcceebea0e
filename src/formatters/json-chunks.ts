/** JSON text in chunks, byte for byte what `JSON.stringify(value, replacer, 2)` and a newline give. */
import { stringifyChunked } from "@discoveryjs/json-ext";

/** Chunks of about 64 KiB: few enough writes, small enough to never matter for memory. */
const CHUNK = 64 * 1024;

export type Replacer = (this: unknown, key: string, value: unknown) => unknown;

export function* jsonChunks(value: unknown, replacer?: Replacer): Generator<string> {
  yield* stringifyChunked(value, { replacer: replacer ?? null, space: 2, highWaterMark: CHUNK });
  yield "\n";
}
