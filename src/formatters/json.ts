import type { Formatter } from "./types.js";

export const format: Formatter = (result) => `${JSON.stringify(result, null, 2)}\n`;
