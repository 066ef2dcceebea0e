/**
 * Every test file: the CLI processes the tests start keep their V8 code cache (src/cli/code-cache.ts)
 * in one folder of the temp dir, not in the user's cache folder. A test that sets
 * K8S_LINT_CACHE_DIR itself keeps its own.
 */
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

process.env.K8S_LINT_CACHE_DIR ??= join(tmpdir(), `k8s-lint-test-cache-${userInfo().uid}`);
