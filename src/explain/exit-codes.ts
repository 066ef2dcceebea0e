/**
 * What a container's exit code means. Codes above 128 are 128 + the number of the signal that
 * killed the process (Linux numbering); a few low codes have a shell convention.
 */

export interface SignalInfo {
  number: number;
  name: string;
  meaning: string;
}

const SIGNALS: Record<number, [string, string]> = {
  1: ["SIGHUP", "hang-up: the controlling terminal closed, or a process manager asked for a reload"],
  2: ["SIGINT", "interrupt, as from Ctrl-C: rare in a cluster unless a wrapper script forwards it"],
  3: ["SIGQUIT", "quit with a core dump (a JVM prints a thread dump instead and keeps running)"],
  4: ["SIGILL", "illegal instruction: a binary built for a newer CPU (AVX, ARM variant) than the node has"],
  5: ["SIGTRAP", "trace/breakpoint trap: a debugger or a runtime assertion"],
  6: ["SIGABRT", "abort(): the program gave up on itself (failed assertion, heap corruption detected by libc, Node.js out of heap)"],
  7: ["SIGBUS", "bus error: bad memory access, often a memory-mapped file truncated underneath, or /dev/shm too small"],
  8: ["SIGFPE", "arithmetic error such as an integer division by zero"],
  9: ["SIGKILL", "killed outright; it cannot be caught. The kernel OOM killer, or the kubelet after the grace period, sends it"],
  10: ["SIGUSR1", "user-defined signal 1 that the program did not handle"],
  11: ["SIGSEGV", "segmentation fault: the process touched memory it does not own"],
  12: ["SIGUSR2", "user-defined signal 2 that the program did not handle"],
  13: ["SIGPIPE", "wrote to a pipe or socket whose reader had gone away"],
  14: ["SIGALRM", "an alarm timer expired and the program did not handle it"],
  15: ["SIGTERM", "asked to stop: the signal the kubelet sends first when it stops a container"],
  16: ["SIGSTKFLT", "coprocessor stack fault (unused on modern Linux)"],
  17: ["SIGCHLD", "a child process changed state (does not normally kill)"],
  18: ["SIGCONT", "continue after a stop (does not normally kill)"],
  19: ["SIGSTOP", "stopped (cannot be caught)"],
  20: ["SIGTSTP", "stop from the terminal"],
  21: ["SIGTTIN", "background read from the terminal"],
  22: ["SIGTTOU", "background write to the terminal"],
  23: ["SIGURG", "urgent data on a socket (does not normally kill)"],
  24: ["SIGXCPU", "exceeded its CPU time limit (RLIMIT_CPU)"],
  25: ["SIGXFSZ", "exceeded the maximum file size (RLIMIT_FSIZE)"],
  26: ["SIGVTALRM", "virtual timer expired"],
  27: ["SIGPROF", "profiling timer expired"],
  28: ["SIGWINCH", "terminal window size changed (does not normally kill)"],
  29: ["SIGIO", "I/O possible on a descriptor"],
  30: ["SIGPWR", "power failure"],
  31: ["SIGSYS", "bad system call: usually a seccomp profile blocked a syscall the program needs"],
};

export function signalInfo(n: number): SignalInfo | undefined {
  if (SIGNALS[n]) return { number: n, name: SIGNALS[n][0], meaning: SIGNALS[n][1] };
  if (n >= 34 && n <= 64) {
    const name = n <= 48 ? `SIGRTMIN+${n - 34}` : `SIGRTMAX-${64 - n}`;
    return { number: n, name, meaning: "a real-time signal that the program did not handle" };
  }
  return undefined;
}

/** Resolves `SIGKILL`, `KILL`, `9` to a signal. */
export function parseSignal(text: string): SignalInfo | undefined {
  if (/^\d+$/.test(text)) return signalInfo(Number(text));
  const upper = text.toUpperCase();
  const wanted = upper.startsWith("SIG") ? upper : `SIG${upper}`;
  for (const [n, [name]] of Object.entries(SIGNALS)) if (name === wanted) return signalInfo(Number(n));
  return undefined;
}

export interface ExitCodeInfo {
  code: number;
  /** One line. */
  title: string;
  meaning: string;
  /** Likely causes in a cluster, most likely first. */
  causes: string[];
  signal?: SignalInfo;
  /** Status topics worth reading next. */
  related: string[];
}

export function explainExitCode(code: number): ExitCodeInfo {
  const base = { code, related: [] as string[] };
  switch (code) {
    case 0:
      return {
        ...base,
        title: "success",
        meaning:
          "The process finished and reported success. For a Job or an init container that is the goal (the pod shows Completed). For a long-running container of a Deployment it means the main process returned: Kubernetes restarts it under restartPolicy Always, and repeated clean exits still end in CrashLoopBackOff.",
        causes: [
          "the command is a one-shot script, or the server was started in the background (`&`, a daemonising flag) so PID 1 returned",
          "the program found nothing to do (an empty queue, a missing config switch) and exited normally",
        ],
        related: ["Completed", "CrashLoopBackOff"],
      };
    case 1:
      return {
        ...base,
        title: "general application error",
        meaning:
          "The program exited with a failure of its own. Exit code 1 is the catch-all: the reason is in the container's last log lines, not in Kubernetes.",
        causes: [
          "a missing or wrong setting: environment variable, config file, mounted secret",
          "a dependency it connects to at start is unreachable (database, another Service, DNS)",
          "an unhandled exception or failed startup check in the application",
          "wrong command or arguments for this image",
        ],
        related: ["Error", "CrashLoopBackOff"],
      };
    case 2:
      return {
        ...base,
        title: "misuse of a shell builtin or bad command-line usage",
        meaning:
          "By convention shells and many CLIs exit 2 when they are called wrongly: an unknown flag, a syntax error in a `sh -c` script, a missing argument.",
        causes: [
          "wrong `args` for the image's entrypoint (a flag the program does not know)",
          "a syntax error in an inline `sh -c` script",
          "the program's own meaning for 2 (check its documentation)",
        ],
        related: ["Error", "CrashLoopBackOff"],
      };
    case 126:
      return {
        ...base,
        title: "command found but not executable",
        meaning:
          "The shell found the command but could not run it: the file lacks the execute bit, is a directory, or is a binary for another CPU architecture.",
        causes: [
          "a script copied into the image without `chmod +x`",
          "an image built for another architecture (amd64 image on arm64 nodes)",
          "a volume mounted over the binary's directory, or mounted with noexec",
        ],
        related: ["RunContainerError", "CrashLoopBackOff"],
      };
    case 127:
      return {
        ...base,
        title: "command not found",
        meaning:
          "The shell could not find the command: it is not in the image or not on PATH. In Kubernetes `command` replaces the image's ENTRYPOINT and `args` its CMD, so a typo or a shell-only tool in a distroless/alpine image shows up as 127.",
        causes: [
          "a typo in `command`, or a path that exists only in another image",
          "a tool the image does not ship (bash in alpine, curl in distroless)",
          "a script whose interpreter line (#!) names a missing interpreter, or Windows line endings in it",
        ],
        related: ["RunContainerError", "CrashLoopBackOff"],
      };
    case 128:
      return {
        ...base,
        title: "invalid argument to exit",
        meaning: "By shell convention, `exit` was called with an invalid value. Some runtimes also report 128 when the process could not be started.",
        causes: ["a wrapper script calling exit with a non-numeric value", "the runtime failed to start the process"],
        related: ["Error"],
      };
    case 255:
      return {
        ...base,
        title: "exit status out of range",
        meaning: "The program exited with -1 (or a value that wrapped to 255). Many tools use it for an unspecified fatal error; ssh uses it when the connection fails.",
        causes: ["the program called exit(-1)", "a fatal error that the program did not classify"],
        related: ["Error", "CrashLoopBackOff"],
      };
  }
  if (code > 128 && code - 128 <= 64) {
    const signal = signalInfo(code - 128);
    if (signal) return signalExit(code, signal);
  }
  if (code > 192 && code < 255) {
    return {
      ...base,
      title: "application-specific exit code",
      meaning: `${code} is above 128 + 64, so it is not a signal: the program chose this value. Its documentation, or its last log lines, say what it means.`,
      causes: ["a code defined by the application or its framework"],
      related: ["Error"],
    };
  }
  return {
    ...base,
    title: "application-specific exit code",
    meaning: `The program exited with ${code}, a value it chose itself. Kubernetes attaches no meaning to it beyond "not 0": the container's logs, or the program's documentation, explain it.`,
    causes: ["an error the application reports with its own code", "a wrapper script passing on the exit code of a failed step"],
    related: ["Error", "CrashLoopBackOff"],
  };
}

function signalExit(code: number, signal: SignalInfo): ExitCodeInfo {
  const title = `killed by signal ${signal.number} (${signal.name})`;
  const meaning = `Exit codes above 128 mean the process was ended by signal ${code} - 128 = ${signal.number}: ${signal.name}, ${signal.meaning}. kubectl shows such a termination as its reason, or as Signal:${signal.number} / ExitCode:${code} when the runtime gives none.`;
  switch (signal.number) {
    case 9:
      return {
        code,
        signal,
        title,
        meaning: `${meaning} When the container's terminated reason is OOMKilled, the kernel killed it because the container's memory use reached its memory limit (or the node ran out of memory).`,
        causes: [
          "OOMKilled: the container used more memory than its limit (check `lastState.terminated.reason`)",
          "the kubelet killed it after the termination grace period: a failed liveness probe or a deletion, and the process ignored SIGTERM",
          "the node ran out of memory and the kernel picked this process (no limit set: BestEffort/Burstable pods go first)",
          "someone ran `kill -9`, or a sidecar/agent killed it",
        ],
        related: ["OOMKilled", "CrashLoopBackOff", "Evicted"],
      };
    case 15:
      return {
        code,
        signal,
        title,
        meaning: `${meaning} A process that exits on SIGTERM is being stopped on purpose; it is only a problem when nobody meant to stop it.`,
        causes: [
          "a normal stop: pod deletion, rolling update, scale-down, node drain or eviction",
          "the kubelet restarted the container after its liveness probe failed (look for Unhealthy events)",
          "the process received SIGTERM from a supervisor inside the container (a shell `timeout`, a process manager)",
        ],
        related: ["Terminating", "CrashLoopBackOff", "Completed"],
      };
    case 11:
      return {
        code,
        signal,
        title,
        meaning: `${meaning} The program itself crashed; Kubernetes did not kill it.`,
        causes: [
          "a bug in native code (a C extension, a JNI library, the runtime)",
          "a binary linked against another libc (glibc binary on an alpine/musl image) or built for another CPU",
          "a stack overflow from too deep recursion, or a too small stack for threads",
        ],
        related: ["Error", "CrashLoopBackOff"],
      };
    case 6:
      return {
        code,
        signal,
        title,
        meaning: `${meaning} The program stopped itself on a fatal internal error.`,
        causes: [
          "a runtime out of its own heap: Node.js \"JavaScript heap out of memory\" aborts with 134 while still under the container limit",
          "a failed assertion or libc detecting heap corruption",
          "a JVM or Go runtime fatal error (see the last log lines or an hs_err file)",
        ],
        related: ["Error", "CrashLoopBackOff", "OOMKilled"],
      };
    case 2:
      return {
        code,
        signal,
        title,
        meaning: `${meaning} Inside a cluster nobody presses Ctrl-C: the signal came from a wrapper script, a process manager or \`kubectl attach/run\` with an interrupted terminal.`,
        causes: ["an interactive `kubectl run -it` session interrupted with Ctrl-C", "a wrapper that translates SIGTERM into SIGINT"],
        related: ["Error", "Terminating"],
      };
    default:
      return {
        code,
        signal,
        title,
        meaning,
        causes: [`the process received ${signal.name} and did not handle it`],
        related: ["Error", "CrashLoopBackOff"],
      };
  }
}
