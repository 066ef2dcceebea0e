/**
 * Once per `npm test`: every temporary folder the tests and the CLI processes they start make
 * (os.tmpdir(), which reads TMPDIR: the test workers and their children inherit it) goes into
 * one folder of this run, which global-teardown.ts removes, so that repeated runs do not fill
 * the machine's temp dir with the fixtures they wrote.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function globalSetup(): void {
  process.env.TMPDIR = mkdtempSync(join(tmpdir(), "k8s-lint-tests-"));
}
