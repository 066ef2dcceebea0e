/** Removes the run's temporary folder, made by global-setup.ts (jest runs both in its own process). */
import { rmSync } from "node:fs";
import { basename } from "node:path";

export default function globalTeardown(): void {
  const dir = process.env.TMPDIR;
  if (dir && basename(dir).startsWith("k8s-lint-tests-")) rmSync(dir, { recursive: true, force: true });
}
