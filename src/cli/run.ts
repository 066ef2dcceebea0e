/** Command dispatch and the one place that turns failures into exit codes. */
import { ConfigError, DiscoveryError, LintIoError, LintUsageError } from "../errors.js";
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIO } from "./io.js";
import { packageInfo } from "../package-info.js";
import { printable } from "../printable.js";
import { didYouMean } from "../did-you-mean.js";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

type Command = (argv: string[], io: CliIO) => Promise<number>;

/** Subcommands are imported on demand so that a plain lint loads no advisor code. */
const COMMANDS = new Map<string, () => Promise<Command>>([
  ["rules", async () => (await import("./commands/rules.js")).runRules],
  ["explain", async () => (await import("./commands/explain.js")).runExplain],
  ["diagnose", async () => (await import("./commands/diagnose.js")).runDiagnose],
  ["qos", async () => (await import("./commands/qos.js")).runQos],
  ["graph", async () => (await import("./commands/graph.js")).runGraph],
  ["lsp", async () => (await import("./commands/lsp.js")).runLsp],
]);

/** The commands' names (cli/code-cache.ts COMMAND_WORDS, which the bin routes on, holds them and `help`). */
export const COMMAND_NAMES: readonly string[] = [...COMMANDS.keys()];

/** What `help <command>` accepts: the commands, and `lint`, the default one. */
const HELP_TOPICS = ["lint", ...COMMAND_NAMES];

/**
 * Runs one command line. `version` and `help [command]` are words for `--version` and
 * `--help`, as in git and npm; a path of that name is linted with `./version` or `lint version`.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  // `help explain` is `explain --help`.
  const argv = args[0] === "help" ? [...args.slice(1, 2), "--help"] : args;
  const helpTopic = args[0] === "help" ? args[1] : undefined;
  try {
    if (helpTopic !== undefined && !helpTopic.startsWith("-") && !HELP_TOPICS.includes(helpTopic)) {
      throw new UsageError(`unknown command "${helpTopic}"${didYouMean(helpTopic, HELP_TOPICS)}; one of: ${HELP_TOPICS.join(", ")}`);
    }
    if (argv[0] === "--version" || argv[0] === "-v" || (argv[0] === "version" && argv.length === 1)) {
      io.stdout(`${packageInfo().version}\n`);
      return EXIT_OK;
    }
    const lintModule = () => import("./commands/lint.js");
    if (argv.includes("--help") || argv.includes("-h")) {
      const load = COMMANDS.get(argv[0]);
      if (load) {
        const command = await load();
        return await command(["--help"], io);
      }
      io.stdout((await lintModule()).LINT_HELP);
      return EXIT_OK;
    }
    const name = argv[0];
    const command = COMMANDS.get(name);
    if (command) {
      if (existsSync(resolve(io.cwd, name))) io.stderr(`k8s-lint: note: "${name}" runs the ${name} command; to lint the path "${name}", write ./${name}\n`);
      return await (await command())(argv.slice(1), io);
    }
    // "lint" is also accepted as an explicit command name.
    const args = name === "lint" ? argv.slice(1) : argv;
    return await (await lintModule()).runLint(args, io);
  } catch (err) {
    if (
      err instanceof UsageError ||
      err instanceof ConfigError ||
      err instanceof DiscoveryError ||
      err instanceof LintIoError ||
      err instanceof LintUsageError
    ) {
      io.stderr(`k8s-lint: ${printableLines(err.message)}${err instanceof DiscoveryError ? misplacedCommand(argv, err.message, io.cwd) : ""}\n`);
      return EXIT_FAILURE;
    }
    if ((err as NodeJS.ErrnoException)?.code?.startsWith?.("ERR_PARSE_ARGS")) {
      io.stderr(`k8s-lint: ${printableLines((err as Error).message)}\nRun \`k8s-lint --help\` for usage.\n`);
      return EXIT_FAILURE;
    }
    io.stderr(`k8s-lint: internal error: ${printableLines((err as Error)?.message ?? String(err))}\n`);
    if (io.env.K8S_LINT_DEBUG) io.stderr(`${(err as Error)?.stack ?? ""}\n`);
    return EXIT_FAILURE;
  }
}

/**
 * `k8s-lint --no-color qos .` lints a path named "qos". When that path is what was not found,
 * say where the command goes.
 */
function misplacedCommand(argv: string[], message: string, cwd: string): string {
  if (!argv[0]?.startsWith("-")) return "";
  const at = argv.findIndex((a) => COMMANDS.has(a) && message.endsWith(`: ${a}`));
  if (at === -1 || existsSync(resolve(cwd, argv[at]))) return "";
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)].join(" ");
  return `\nhint: the command comes first: k8s-lint ${argv[at]} ${rest}`;
}

/** A failure message of one or more lines (a config file's problems), each made printable. */
function printableLines(message: string): string {
  return message.split("\n").map(printable).join("\n");
}
