/** The one reader of every input channel: regular files only, never past the limit. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeFailure, readFileBounded } from "../src/engine/bounded-read.js";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "k8s-lint-bounded-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each([
  ["under the limit", 99, { bytes: 99 }],
  ["exactly the limit", 100, { bytes: 100 }],
  ["one byte over", 101, { tooLarge: true, size: 101, limit: 100 }],
])("a regular file %s", (_what, size, expected) => {
  const file = join(dir, `f${size}`);
  writeFileSync(file, Buffer.alloc(size, 0x61));
  const read = readFileBounded(file, 100);
  expect("bytes" in read && Buffer.isBuffer(read.bytes) ? { bytes: read.bytes.length } : read).toEqual(expected);
});

test.each([0, 1, 1048575, 1048576, 1048577, 3 * 1048576 + 7])("a regular file of %i bytes reads whole, byte for byte", (size) => {
  const file = join(dir, `whole${size}`);
  const written = Buffer.alloc(size);
  for (let i = 0; i < size; i++) written[i] = (i * 31 + (i >> 8)) & 0xff;
  writeFileSync(file, written);
  const read = readFileBounded(file, 64 * 1048576);
  expect("bytes" in read && read.bytes.equals(written)).toBe(true);
});

test("a device named as a path is refused", () => {
  expect(readFileBounded("/dev/zero", 10)).toEqual({ failed: true, reason: "not a regular file" });
});

test("a FIFO is refused without waiting for a writer", () => {
  const fifo = join(dir, "fifo");
  expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
  expect(readFileBounded(fifo, 10)).toEqual({ failed: true, reason: "not a regular file" });
});

test.each([
  ["a missing file", { missing: true as const, reason: "ENOENT" }, "cannot read x.yaml: ENOENT"],
  ["a size known", { tooLarge: true as const, size: 70 * 1048576, limit: 64 * 1048576 }, "x.yaml is 70 MB, over the 64 MB limit"],
  ["a stream cut at the limit", { tooLarge: true as const, limit: 1048576 }, "x.yaml is over the 1 MB limit"],
])("one line for %s", (_what, read, line) => {
  expect(describeFailure("x.yaml", read)).toBe(line);
});

test("a missing path is told apart from other failures", () => {
  expect(readFileBounded(join(dir, "nope"), 10)).toEqual({ missing: true, reason: "ENOENT" });
  expect(readFileBounded(dir, 10)).toEqual({ failed: true, reason: "not a regular file" });
});
