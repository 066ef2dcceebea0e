import { defineRule } from "../types.js";
import { isPlainValue, isSensitiveName } from "./sensitive-names.js";

/**
 * A `key = value` or `key: value` line of a config file; group 1 is the key, group 2 the value's
 * first word. A flow list or map (`secret: [ status, secret ]`, a kube-state-metrics label path)
 * is no literal value.
 */
const ASSIGNMENT = /^[ \t]*["']?([A-Za-z0-9_.-]+)["']?[ \t]*[:=][ \t]*(?![[{])["']?([^\s"'#]+)/gm;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/;
/** A value that is code, not a literal: a call (`os.environ.get(...)`, `AutoTokenizer.from_pretrained(...)`). */
const CALL = /^[A-Za-z_][\w.]*\(/;
/**
 * The sources of a name service database in nsswitch.conf (`passwd: files sss`): the line names
 * where user accounts are looked up, not a password.
 */
const NSS_SOURCES = /^(?:files|compat|db|dns|nis|nisplus|ldap|sss|systemd|winbind|hesiod|altfiles|cache|mymachines|resolve|myhostname|extrausers|usrfiles)$/;

export const rule = defineRule({
  id: "configmap-secret-data",
  category: "hygiene",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["ConfigMap"],
  checksPatches: true,
  summary: "A ConfigMap holds what looks like a credential: a key named like one, a password line of a config file, or a private key.",
  explanation: `ConfigMaps are meant for configuration anyone may read: the built-in "view" role reads
them, they are never encrypted at rest, and tools print them freely (kubectl describe, dashboards,
CI diffs). A password, token or private key put in a ConfigMap is exposed to all of those
readers, whereas a Secret is excluded from "view", can be encrypted at rest and is readable only
through RBAC on secrets. Polaris reports it (sensitiveConfigmapContent). This rule reads keys
named like a credential (password, secret, token, api_key, private_key, credential; the same
names as env-secret-literal), assignments in embedded config files (db.password=...,
token: ...) with a literal value, and PEM private keys. Names that say where a credential is
(TLS_SECRET_NAME, SCAN_SECRETS_NAMES, tokenSecretRef, DB_PASSWORD_FILE, credentialsSecret) hold a reference, and
empty values (including "{}", "[]" and '""'), numbers, booleans, paths and \${VAR} placeholders
hold nothing secret: those are ignored, and so are calls in embedded code (\`token = os.getenv(...)\`),
nsswitch.conf's \`passwd: files\` line, which says where accounts are looked up, and nginx's
\`server-tokens\` setting (what the Server header tells of the version).`,
  fix: "Move the credential into a Secret (mounted as a file or read through secretKeyRef) and leave a placeholder in the ConfigMap.",
  preventsStatus: [],
  check({ resource, report }) {
    const data = resource.get(["data"]);
    if (!data || typeof data !== "object" || Array.isArray(data)) return;
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (typeof value !== "string") continue;
      if (isSensitiveName(key) && !isPlainValue(value) && !value.includes("\n")) {
        report({ path: ["data", key], target: "key", message: `key "${key}" of ConfigMap "${resource.name}" holds a credential in plain configuration`, hint: "move the value into a Secret" });
        continue;
      }
      if (PRIVATE_KEY.test(value)) {
        report({ path: ["data", key], target: "key", message: `key "${key}" of ConfigMap "${resource.name}" holds a PEM private key`, hint: "move the private key into a Secret of type kubernetes.io/tls" });
        continue;
      }
      for (const m of value.matchAll(ASSIGNMENT)) {
        if (!isSensitiveName(m[1]) || isPlainValue(m[2]) || CALL.test(m[2]) || (/^(?:passwd|shadow)$/.test(m[1]) && NSS_SOURCES.test(m[2]))) continue;
        const start = m.index + m[0].indexOf(m[1]);
        report({
          path: ["data", key],
          within: { start, end: start + m[1].length },
          message: `"${m[1]}" in key "${key}" of ConfigMap "${resource.name}" is set to a literal credential`,
          hint: "move the value into a Secret and reference it from the config file",
        });
        break;
      }
    }
  },
});
