import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";
import { isPlainValue, isSensitiveName } from "./sensitive-names.js";

export const rule = defineRule({
  id: "env-secret-literal",
  category: "hygiene",
  severity: "warning",
  presets: ["security"],
  appliesTo: "pod-templates",
  checksPatches: true,
  summary: "A container's environment variable named like a credential (…_PASSWORD, …TOKEN…, …SECRET…) has a literal value.",
  explanation: `A value written into the pod spec is stored in the manifest, in Git, in Helm release
history, and in the Deployment object itself, where everyone allowed to read Deployments
(the built-in "view" role, dashboards, CI logs of kubectl diff) can see it. Secrets are kept
apart precisely so that reading workloads does not reveal credentials: "view" excludes them,
they can be encrypted at rest, and rotating one does not need a new manifest. kube-linter
(env-var-secret) and Polaris (sensitiveContainerEnvVar) report it. Names are matched on the
words PASSWORD, PASSWD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, ACCESS_KEY and CREDENTIAL (dbPassword
and db-password too), except names that point at a credential (…_FILE, …_PATH, …_NAME, …_URL,
…_ID, …_STORE, …_MOUNT) or configure one (…_TTL, …_ENABLED, …_TIMEOUT, …_REALM, …_PROVIDER), a tokenizer, etcd's initial cluster token, which
names a cluster, and nginx's server tokens setting (SERVER_TOKENS), which says what the Server header tells; values that cannot be credentials (empty,
numbers, booleans, file paths, $(VAR) references) are ignored.`,
  fix: "Put the value in a Secret and read it with valueFrom.secretKeyRef (or envFrom.secretRef).",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: true })) {
      container.env?.forEach((e, i) => {
        if (!e || typeof e.name !== "string" || typeof e.value !== "string") return;
        if (!isSensitiveName(e.name) || isPlainValue(e.value)) return;
        report({
          path: [...path, "env", i, "value"],
          message: `env var "${e.name}" of container "${container.name ?? ""}" holds a literal value, readable by everyone who can read the ${resource.kind}`,
          hint: "move the value into a Secret and use valueFrom.secretKeyRef",
        });
      });
    }
  },
});
