import { suggestSet } from "../fixes.js";
import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

/** Seconds of `sleep N` in an exec preStop hook (`sleep 20`, `sh -c "sleep 20"`), if that is what it does. */
function sleepSeconds(command: unknown[]): number | undefined {
  const text = command.filter((w): w is string => typeof w === "string").join(" ");
  const m = /(?:^|[\s;&(])(?:\/bin\/|\/usr\/bin\/)?sleep\s+(\d+(?:\.\d+)?)s?(?=$|[\s;&)])/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export const rule = defineRule({
  id: "prestop-exceeds-grace",
  category: "workloads",
  severity: "warning",
  appliesTo: "workloads",
  summary: "A preStop hook sleeps at least as long as the pod's termination grace period.",
  explanation: `When a pod is deleted, the kubelet runs the preStop hook first and only then sends SIGTERM,
all within terminationGracePeriodSeconds (30 by default). A preStop sleep as long as the grace
period uses it up: the application gets SIGTERM with no time left (the kubelet adds a 2 second
extension) and is killed with SIGKILL (exit code 137), so the graceful shutdown the sleep was
meant to protect never happens. Raise the grace period above the sleep plus the shutdown time.`,
  fix: "Set terminationGracePeriodSeconds above the preStop sleep plus the application's shutdown time, or shorten the sleep.",
  hasSuggestions: true,
  preventsStatus: ["Terminating"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const grace = tpl.spec.terminationGracePeriodSeconds ?? 30;
    const graceText = tpl.spec.terminationGracePeriodSeconds === undefined ? "the default terminationGracePeriodSeconds of 30" : `terminationGracePeriodSeconds ${grace}`;
    for (const { container, path } of containersOf(tpl, { init: false })) {
      const preStop = container.lifecycle?.preStop;
      if (!preStop) continue;
      let seconds: number | undefined;
      let at: (string | number)[];
      if (preStop.sleep && typeof preStop.sleep.seconds === "number") {
        seconds = preStop.sleep.seconds;
        at = [...path, "lifecycle", "preStop", "sleep", "seconds"];
      } else if (preStop.exec?.command) {
        seconds = sleepSeconds(preStop.exec.command);
        at = [...path, "lifecycle", "preStop", "exec", "command"];
      } else continue;
      if (seconds === undefined || seconds < grace) continue;
      report({
        path: at,
        message: `preStop sleeps ${seconds}s, which uses up ${graceText}`,
        hint: `set terminationGracePeriodSeconds above ${seconds} plus the shutdown time, or shorten the sleep`,
        // How long the shutdown after the sleep takes is the author's guess: 30 more seconds, the default's own allowance.
        suggestions: [suggestSet(resource, [...tpl.specPath, "terminationGracePeriodSeconds"], seconds + 30)],
      });
    }
  },
});
