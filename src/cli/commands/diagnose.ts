/** `k8s-lint diagnose`: placeholder until its issue lands; fails as a usage error. */
import { UsageError, type CliIO } from "../io.js";

export async function runDiagnose(_argv: string[], _io: CliIO): Promise<number> {
  throw new UsageError("the diagnose command is not available in this build yet");
}
