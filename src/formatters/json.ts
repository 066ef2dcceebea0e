import { jsonChunks } from "./json-chunks.js";
import type { Formatter } from "./types.js";

export const format: Formatter = (result) => jsonChunks(result);
