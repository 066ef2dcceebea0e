/** The progress line: stderr only, on a terminal, stylish only, and only after a second. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createProgress, progressAllowed } from "../src/cli/progress.js";
import { run } from "../src/cli/run.js";
import { FORMATS } from "../src/formatters/index.js";

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

test("nothing is drawn during the first second", () => {
  const clock = fakeClock();
  const out: string[] = [];
  const p = createProgress({ enabled: true, write: (s) => out.push(s), now: clock.now });
  clock.advance(1000);
  p.onProgress(1, 3);
  p.finish();
  expect(out).toEqual([]);
});

test("a long run shows files parsed / total, throttled, and erases the line at the end", () => {
  const clock = fakeClock();
  const out: string[] = [];
  const p = createProgress({ enabled: true, write: (s) => out.push(s), now: clock.now });
  clock.advance(1500);
  p.onProgress(1, 4);
  clock.advance(10);
  p.onProgress(2, 4); // throttled
  clock.advance(200);
  p.onProgress(3, 4);
  clock.advance(1);
  p.onProgress(4, 4); // the last file is always drawn
  p.finish();
  expect(out).toEqual(["\r\u001b[K1 / 4 files parsed", "\r\u001b[K3 / 4 files parsed", "\r\u001b[K4 / 4 files parsed", "\r\u001b[K"]);
});

test("disabled progress writes nothing", () => {
  const clock = fakeClock();
  const out: string[] = [];
  const p = createProgress({ enabled: false, write: (s) => out.push(s), now: clock.now });
  clock.advance(5000);
  p.onProgress(1, 1);
  p.finish();
  expect(out).toEqual([]);
});

test("only stylish on a terminal may show progress", () => {
  expect(FORMATS.filter((f) => progressAllowed(f, true))).toEqual(["stylish"]);
  expect(FORMATS.filter((f) => progressAllowed(f, false))).toEqual([]);
});

describe("through the CLI", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "k8s-lint-progress-"));
    writeFileSync(join(dir, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(FORMATS.map((f) => [f]))("a short run prints nothing on a terminal's stderr (%s)", async (format) => {
    const err: string[] = [];
    const io = { stdout: () => {}, stderr: (t: string) => err.push(t), cwd: dir, env: {}, isTTY: true, stderrIsTTY: true };
    expect(await run(["-f", format, "."], io)).toBe(0);
    expect(err).toEqual([]);
  });
});
