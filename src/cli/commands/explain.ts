/** `k8s-lint explain`: placeholder until its issue lands; fails as a usage error. */
import { UsageError, type CliIO } from "../io.js";

export async function runExplain(_argv: string[], _io: CliIO): Promise<number> {
  throw new UsageError("the explain command is not available in this build yet");
}
