import { parseImageReference } from "../../models/image.js";
import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

const SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh"]);
const INITS = /(?:^|\/)(?:tini|dumb-init|catatonit|s6-svscan|supervisord)$/;

/** The shell (its file name) and script of `sh -c "<script>"`, from command + args, or undefined when it is not a shell. */
function shellScript(argv: unknown[]): { shell: string; script: string } | undefined {
  const words = argv.filter((w): w is string => typeof w === "string");
  if (words.length < 2) return undefined;
  const exe = words[0].split("/").pop() ?? "";
  if (!SHELLS.has(exe)) return undefined;
  const flag = words.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w));
  if (flag === -1 || words[flag + 1] === undefined) return undefined;
  return { shell: exe, script: words[flag + 1] };
}

/**
 * Whether the shell execs the last command of a `-c` list itself, which then is PID 1 and gets
 * SIGTERM, when that command is a simple one (no shell execs a pipeline, and bash none with a trap
 * set or a redirection: builtins/evalstring.c should_optimize_fork; BusyBox's sh applies a
 * redirection itself and still execs, checked with busybox 1.35 and 1.36): bash
 * from 5.1 (it forks no child for the last command of a `-c` string), and BusyBox
 * ash from 1.28 (shell/ash.c evaltree passes EV_EXIT on to the last command of a list), the sh of
 * busybox and Alpine images (Alpine 3.8 and later). dash, the sh of Debian and Ubuntu images,
 * keeps it a child there, as bash before 5.1 did; which bash an image has is not written, and most
 * images of the last years have 5.1 or later (Debian 11, Ubuntu 22.04, UBI 9).
 */
function execsLastCommand(shell: string, script: string, image: unknown, redirected: boolean): boolean {
  // bash runs each line as a command: one ending in `; a && b` (a list whose last part is an && or || chain) forks for the chain.
  if (shell === "bash") return !redirected && !/;[^;]*(?:&&|\|\|)[^;]*$/.test(topLevel(script).trimEnd().split("\n").pop() ?? "");
  if (shell !== "sh" && shell !== "ash") return false;
  const parsed = typeof image === "string" ? parseImageReference(image) : undefined;
  if (!parsed?.ok) return false;
  const name = parsed.ref.path.split("/").pop() ?? "";
  const tag = parsed.ref.tag ?? "";
  const minor = (major: string) => new RegExp(`^${major}\\.(\\d+)`).exec(tag)?.[1];
  if (name === "busybox") return Number(minor("1") ?? 28) >= 28;
  if (name === "alpine") return Number(minor("3") ?? 8) >= 8;
  return /(?:^|[-_.])alpine/.test(tag);
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

/** A `trap` command: its action (a word, or quoted, maybe with ";" inside) and the signals it names (group 1). */
const TRAP = /\btrap\s+(?:'[^']*'|"(?:[^"\\]|\\.)*"|\S+)((?:[ \t]+[A-Za-z0-9]+)+)/g;

/**
 * How a script keeps the shell as PID 1: "command" when its last command is not exec'd, with more
 * than one command (a single one is exec'd by the shell), "redirected" when that command
 * redirects (bash and dash do not exec it then; BusyBox's sh does), "piped" when it is a pipeline
 * (no shell execs one); "loop" when it ends in a loop or another
 * compound command (`while true; do ...; done`), which exec cannot start; undefined when it does not.
 */
function keepsShellAsPid1(written: string): "command" | "redirected" | "piped" | "loop" | undefined {
  // A trap on TERM handles the signal (forwards it, or exits); one on EXIT or INT alone does not. The action may be quoted, with ";" inside.
  if ([...written.matchAll(TRAP)].some((m) => /\b(?:(?:SIG)?TERM|15)\b/.test(m[1]))) return undefined;
  const script = topLevel(written);
  const commands = script
    .split(/\n|;|&&|\|\|/)
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith("#"));
  const compound = commands.length > 1 || /[|&]/.test(script);
  if (!compound) return undefined;
  const last = commands[commands.length - 1] ?? "";
  if (/^exec\s/.test(last)) return undefined;
  if (/^(?:done|fi|esac|\})(?:\s|$)/.test(last)) return "loop";
  return /\|/.test(last) ? "piped" : /[<>]/.test(last) ? "redirected" : "command";
}

/** What a script that keeps the shell ends in, in words: "a loop", or "an if", "a case", "a { } group". */
function lastCompound(script: string): string {
  const last = topLevel(script).trimEnd();
  return /\bdone$/.test(last) ? "a loop" : /\bfi$/.test(last) ? "an if" : /\besac$/.test(last) ? "a case" : "a { } group";
}

export const rule = defineRule({
  id: "shell-pid1",
  category: "workloads",
  severity: "info",
  appliesTo: "workloads",
  summary: "A container runs a shell script as PID 1, which does not forward SIGTERM.",
  explanation: `With command ["sh", "-c", "..."] the shell is process 1 of the container and the
application is its child. On pod deletion the kubelet sends SIGTERM to PID 1 only; a shell that
runs more than one command does not forward it and, as PID 1, ignores it itself. Some shells exec
the last command of the script themselves, which is then PID 1 and gets the signal: bash 5.1 and
later, and BusyBox's sh (from 1.28) of busybox and Alpine images. These are not reported, unless
the script ends in a loop; dash, the sh of Debian and Ubuntu images, does not. The application
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
      const shell = shellScript([...command, ...(container.args ?? [])]);
      const kept = shell === undefined ? undefined : keepsShellAsPid1(shell.script);
      if (!kept || ((kept === "command" || kept === "redirected") && execsLastCommand(shell!.shell, shell!.script, container.image, kept === "redirected"))) continue;
      const last = kept === "loop" ? lastCompound(shell!.script) : undefined;
      report({
        path: [...path, "command"],
        target: "key",
        message:
          kept === "loop"
            ? `container "${container.name ?? ""}" runs a shell as PID 1 whose script ends in ${last}: as PID 1 the shell ignores SIGTERM`
            : kept === "piped" || kept === "redirected"
              ? `container "${container.name ?? ""}" runs a shell as PID 1 whose last command, ${kept === "piped" ? "in a pipeline" : "redirected"}, stays its child: SIGTERM does not reach it`
              : shell!.shell === "bash"
                ? `container "${container.name ?? ""}" runs bash as PID 1, which forks for the && or || chain that ends a ";" list: the last command stays its child, and SIGTERM does not reach it`
                : `container "${container.name ?? ""}" runs a shell as PID 1 whose last command stays its child where sh is dash (Debian, Ubuntu): SIGTERM does not reach it`,
        hint:
          kept === "loop"
            ? `add trap 'exit 0' TERM at the start of the script (${last} cannot be exec'd), or start it with an init such as tini`
            : kept === "redirected"
              ? "prefix the last command of the script with exec (exec keeps its redirections)"
              : kept === "piped"
                ? "use an init such as tini as the command, or write the output elsewhere than a pipe and prefix the last command with exec"
              : "prefix the last command of the script with exec",
      });
    }
  },
});
