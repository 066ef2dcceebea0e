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

/**
 * The script with the inside of its quotes, command substitutions (`$(...)`, backquotes) and
 * arithmetic expansions left out: the separators and pipes that run commands of the shell itself are those
 * left (`mysqld --server-id=$(hostname | cut -d- -f2)` is one command, exec'd).
 */
function topLevel(script: string): string {
  let out = "";
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    // Within single quotes a backslash is a backslash; elsewhere it escapes the next character (a newline: the line goes on).
    if (quote === "'") {
      if (c === "'") quote = undefined;
      continue;
    }
    if (c === "\\") {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === "`") {
      quote = c;
      if (depth === 0) out += "_";
      continue;
    }
    if (c === "$" && script[i + 1] === "(") {
      depth++;
      i++;
      if (depth === 1) out += "_";
      continue;
    }
    if (depth > 0) {
      if (c === "(") depth++;
      else if (c === ")") depth--;
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * How a script keeps the shell as PID 1: "command" when its last command is not exec'd, with more
 * than one command (a single one is exec'd by the shell); "loop" when it ends in a loop or another
 * compound command (`while true; do ...; done`), which exec cannot start; undefined when it does not.
 */
function keepsShellAsPid1(written: string): "command" | "loop" | undefined {
  if (/\btrap\b/.test(written)) return undefined;
  const script = topLevel(written);
  const commands = script
    .split(/\n|;|&&|\|\|/)
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith("#"));
  const compound = commands.length > 1 || /[|&]/.test(script);
  if (!compound) return undefined;
  const last = commands[commands.length - 1] ?? "";
  if (/^exec\s/.test(last)) return undefined;
  return /^(?:done|fi|esac|\})(?:\s|$)/.test(last) ? "loop" : "command";
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
out (exit code 137), every rollout waits the full grace period, and in-flight requests are cut.
A script that ends in a loop (\`while true; do ...; done\`) cannot exec it: it needs a
\`trap 'exit 0' TERM\` or an init. A script of one command is exec'd by the shell, whatever pipes its command substitutions
(\`--server-id=$(hostname | cut -d- -f2)\`) and quoted arguments hold: it is not reported.`,
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
      const kept = script === undefined ? undefined : keepsShellAsPid1(script);
      if (!kept) continue;
      report({
        path: [...path, "command"],
        target: "key",
        message:
          kept === "loop"
            ? `container "${container.name ?? ""}" runs a shell as PID 1 whose script ends in a loop: as PID 1 the shell ignores SIGTERM`
            : `container "${container.name ?? ""}" runs a shell as PID 1 that will not forward SIGTERM to its last command`,
        hint: kept === "loop" ? `add trap 'exit 0' TERM at the start of the script (a loop cannot be exec'd), or start it with an init such as tini` : "prefix the last command of the script with exec",
      });
    }
  },
});
