/** `k8s-lint qos`: placeholder until its issue lands; fails as a usage error. */
import { UsageError, type CliIO } from "../io.js";

export async function runQos(_argv: string[], _io: CliIO): Promise<number> {
  throw new UsageError("the qos command is not available in this build yet");
}
