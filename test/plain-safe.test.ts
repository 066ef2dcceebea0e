/**
 * plainSafe answers words of letters, digits and `._/-` without parsing them: its answer must be
 * what parsing says (the word reads back as itself, plain, in YAML 1.1 and 1.2), for every
 * boolean and null spelling in any case and for words that only look like them.
 */
import { parse } from "yaml";
import { plainSafe } from "../src/engine/fix/edits.js";

const readsBack = (s: string) => [`1.1`, `1.2`].every((version) => parse(`k: ${s}`, { version: version as "1.1" | "1.2" })?.k === s);

const cases = (word: string) => [word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1), word[0] + word.slice(1).toUpperCase(), `${word}x`, `${word}.1`, `${word}-a`, `${word}_`, `${word}/b`];
const WORDS = ["y", "yes", "n", "no", "true", "false", "on", "off", "null", "nan", "inf", "e", "e5", "x", "nginx", "latest", "v1", "app.kubernetes.io/name", "a1b2", "Z"];

describe("plainSafe", () => {
  test.each(WORDS.flatMap(cases))("%s: the same answer as parsing it", (word) => {
    expect(plainSafe(word, false)).toBe(readsBack(word));
    expect(plainSafe(word, true)).toBe(readsBack(word));
  });
});
