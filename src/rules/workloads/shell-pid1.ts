import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

const SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh"]);
const INITS = /(?:^|\/)(?:tini|dumb-init|catatonit|s6-svscan|supervisord)$/;

/** The script of `sh -c "<script>"`, from command + args, or undefined when it is not a shell. */
function shellScript(argv: unknown[]): string | undefined {
  const words = argv.filter((w): w is string => typeof w === "string");
  if (words.length < 2) return undefined;
  const exe = words[0].split("/").pop() ?? "";
  if (!SHELLS.has(exe)) return undefined;
  const flag = words.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w));
  if (flag === -1) return undefined;
  return words[flag + 1];
}

/** A script whose last command is not exec'd, with more than one command (a single one is exec'd by the shell). */
function keepsShellAsPid1(script: string): boolean {
  if (/\btrap\b/.test(script)) return false;
  const commands = script
    .split(/\n|;|&&|\|\|/)
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith("#"));
  const compound = commands.length > 1 || /[|&]/.test(script);
  if (!compound) return false;
  const last = commands[commands.length - 1] ?? "";
  return !/^exec\s/.test(last);
}

export const rule = defineRule({
  id: "shell-pid1",
  category: "workloads",
  severity: "info",
  appliesTo: "workloads",
  summary: "A container runs a shell script as PID 1, which does not forward SIGTERM.",
  explanation: `With command ["sh", "-c", "..."] the shell is process 1 of the container and the
application is its child. On pod deletion the kubelet sends SIGTERM to PID 1 only; a shell that
runs more than one command does not forward it and, as PID 1, ignores it itself. The application
never shuts down gracefully: it is killed with SIGKILL when terminationGracePeriodSeconds runs
out (exit code 137), every rollout waits the full grace period, and in-flight requests are cut.`,
  fix: `Start the application with \`exec\` as the last command of the script (\`...; exec myapp\`), or use an
init such as tini, or call the binary directly.`,
  preventsStatus: ["Terminating", "Init:Error", "CrashLoopBackOff", "Error", "Completed"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    // Init containers run to completion before the pod can be asked to stop; only app containers matter.
    for (const { container, path } of containersOf(tpl, { init: false })) {
      const command = container.command ?? [];
      if (command.length === 0) continue;
      if (typeof command[0] === "string" && INITS.test(command[0])) continue;
      const script = shellScript([...command, ...(container.args ?? [])]);
      if (script === undefined || !keepsShellAsPid1(script)) continue;
      report({
        path: [...path, "command"],
        target: "key",
        message: `container "${container.name ?? ""}" runs a shell as PID 1 that will not forward SIGTERM to its last command`,
        hint: "prefix the last command of the script with exec",
      });
    }
  },
});
