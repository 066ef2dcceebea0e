import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "duplicate-env-var",
  category: "workloads",
  severity: "warning",
  summary: "A container defines the same environment variable twice.",
  explanation: `When env lists a name twice, the API server accepts it and the later entry silently wins
(with only a warning from newer API servers). The value the process sees is not the one a reader
of the first entry expects, and \`kubectl apply\`'s strategic merge keys env by name, so later
patches may update or drop the wrong entry. It is almost always a merge or copy mistake.`,
  fix: "Keep one entry per variable name.",
  preventsStatus: ["CrashLoopBackOff"],
  examples: {
    bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      env:
        - name: MODE
          value: fast
        - name: MODE
          value: safe
`,
    good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      env:
        - name: MODE
          value: fast
`,
  },
  check({ resource, report }) {
    const tpl = resource.podTemplate;
    if (!tpl) return;
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: true })) {
      const seen = new Map<string, number>();
      container.env?.forEach((env, i) => {
        if (typeof env.name !== "string") return;
        const first = seen.get(env.name);
        if (first === undefined) seen.set(env.name, i);
        else report({ path: [...path, "env", i, "name"], message: `env var "${env.name}" is already defined at env[${first}]; this later value wins`, hint: "remove one of the two entries" });
      });
    }
  },
});
