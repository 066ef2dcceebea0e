#!/usr/bin/env node
/**
 * Generates the release history of the API catalogue (src/models/catalogue/history.generated.ts):
 * for every kind and group version of the newest catalogue (scripts/gen-catalogue.mjs), the first
 * release that serves it; for every field of its object types, the first release that has it; and
 * the group versions that older releases served and the newest no longer does, with their range.
 * Delta-encoded against the newest: a kind or field served by every release has no entry.
 *
 * Sources, one per minor release (the upstream OpenAPI of the release, as rendered by):
 *   1.19-1.22  @kubernetes/client-node 0.13.2, 0.14.3, 0.15.1, 0.16.3: its model classes and API
 *              classes, generated from the upstream swagger.json v1.19.0, v1.20.2, v1.21.1, v1.22.2
 *              (each file's header names it); read like scripts/gen-catalogue.mjs reads 2.0.1;
 *   1.23-1.35  kubernetes-sigs/kubectl-validate pkg/openapiclient/builtins/<release>/: the upstream
 *              OpenAPI v3 documents of each release (api/openapi-spec/v3 of kubernetes/kubernetes),
 *              one per group version;
 *   1.36       the newest catalogue itself.
 * The object types of a release are paired with the newest catalogue's by walking both from each
 * kind they share, field by field (type names differ between renderings and releases).
 *
 *   node scripts/gen-catalogue-history.mjs --fetch   download the sources into .cache/catalogue-sources
 *                                                    (npm pack; git clone), once, at development time
 *   node scripts/gen-catalogue-history.mjs           write src/models/catalogue/history.generated.ts
 *   --sources <dir>                                  read the sources from another folder
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate as generateNewest, OLDEST_RELEASE } from "./gen-catalogue.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const HISTORY_OUTPUT = join(ROOT, "src", "models", "catalogue", "history.generated.ts");

/** The source of each release older than the newest, in release order. */
export const SOURCES = [
  { release: "1.19", clientNode: "0.13.2" },
  { release: "1.20", clientNode: "0.14.3" },
  { release: "1.21", clientNode: "0.15.1" },
  { release: "1.22", clientNode: "0.16.3" },
  ...["1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35"].map((release) => ({ release, openapiV3: release })),
];
const KUBECTL_VALIDATE = "kubectl-validate";

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function fetchSources(dir) {
  mkdirSync(dir, { recursive: true });
  for (const s of SOURCES.filter((x) => x.clientNode)) {
    const target = join(dir, `client-node-${s.clientNode}`);
    if (existsSync(target)) continue;
    const tgz = execFileSync("npm", ["pack", "--silent", `@kubernetes/client-node@${s.clientNode}`], { cwd: dir, encoding: "utf8" }).trim();
    mkdirSync(target);
    execFileSync("tar", ["xzf", tgz, "-C", target]);
  }
  if (!existsSync(join(dir, KUBECTL_VALIDATE))) {
    execFileSync("git", ["clone", "--depth", "1", "https://github.com/kubernetes-sigs/kubectl-validate", join(dir, KUBECTL_VALIDATE)], { stdio: "inherit" });
  }
}

/**
 * A release as the history needs it: kinds ("apiVersion kind" -> type name) and object types
 * (type name -> field -> reference: "#Name", "[#Name", "{#Name" for objects, "s" otherwise).
 */
function emptyRelease() {
  return { kinds: new Map(), types: new Map() };
}

/** @kubernetes/client-node 0.x: model classes (attributeTypeMap) and API classes (paths). */
function readClientNode(dir) {
  const rel = emptyRelease();
  const gen = join(dir, "package", "dist", "gen");
  const ref = (type) => {
    const t = type.replace(/\s+/g, "");
    let m;
    if ((m = /^Array<(.+)>$/.exec(t))) return `[${ref(m[1])}`;
    if ((m = /^\{\[key:string\]:(.+);\}$/.exec(t))) return `{${ref(m[1])}`;
    return /^[A-Z]/.test(t) && t !== "Date" && t !== "IntOrString" ? `#${t}` : "s";
  };
  for (const file of readdirSync(join(gen, "model")).filter((f) => f.endsWith(".js"))) {
    const text = readFileSync(join(gen, "model", file), "utf8");
    const m = /\n(\w+)\.attributeTypeMap = (\[[\s\S]*?\n\]);/.exec(text);
    if (!m) continue;
    const attrs = JSON.parse(m[2]);
    rel.types.set(m[1], new Map(attrs.map((a) => [a.baseName, ref(a.type)])));
  }
  for (const file of readdirSync(join(gen, "api")).filter((f) => /Api\.js$/.test(f))) {
    const text = readFileSync(join(gen, "api", file), "utf8");
    for (const m of text.matchAll(/\n {4}(?:async )?(?:create|read)\w*\([^)]*\) \{[\s\S]*?localVarPath = this\.basePath \+ '([^']+)'[\s\S]*?deserialize\(body, "(\w+)"\)/g)) {
      const [, path, model] = m;
      const gv = /^\/(?:api|apis\/([^/]+))\/([^/]+)\//.exec(path);
      if (!gv || path.includes("{name}/") || model.endsWith("Status") || model.endsWith("List")) continue;
      const apiVersion = gv[1] ? `${gv[1]}/${gv[2]}` : gv[2];
      const kind = model.replace(/^(?:[A-Z][a-z]+)?V\d+(?:alpha\d+|beta\d+)?/, "");
      if (rel.types.has(model) && !rel.kinds.has(`${apiVersion} ${kind}`)) rel.kinds.set(`${apiVersion} ${kind}`, model);
    }
  }
  return rel;
}

/** OpenAPI v3 documents, one per group version (kubectl-validate's builtins of one release). */
function readOpenApiV3(dir) {
  const rel = emptyRelease();
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".json")) files.push(p);
    }
  };
  walk(dir);
  const refName = (s) => {
    const r = s.$ref ?? (s.allOf?.length === 1 ? s.allOf[0].$ref : undefined);
    return r ? r.slice(r.lastIndexOf("/") + 1) : undefined;
  };
  const ref = (s) => {
    const name = refName(s);
    if (name) return `#${name}`;
    if (s.type === "array" && s.items) return `[${ref(s.items)}`;
    if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") return `{${ref(s.additionalProperties)}`;
    return "s";
  };
  for (const file of files.sort()) {
    const doc = JSON.parse(readFileSync(file, "utf8"));
    const schemas = doc.components?.schemas ?? {};
    for (const [name, s] of Object.entries(schemas)) {
      if (rel.types.has(name) || !s.properties) continue;
      rel.types.set(name, new Map(Object.entries(s.properties).map(([f, fs]) => [f, ref(fs)])));
    }
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      const gv = /^\/(?:api|apis\/([^/]+))\/([^/]+)\//.exec(path);
      if (!gv || path.includes("{name}/") || path.includes("/watch/")) continue;
      const op = path.endsWith("{name}") ? item.get : item.post;
      const name = op && refName(op.responses?.["200"]?.content?.["application/json"]?.schema ?? {});
      const gvk = name && schemas[name]?.["x-kubernetes-group-version-kind"]?.find((x) => x.group === (gv[1] ?? "") && x.version === gv[2]);
      if (!gvk || gvk.kind.endsWith("List") || gvk.kind === "Status" || gvk.kind === "WatchEvent") continue;
      const apiVersion = gv[1] ? `${gv[1]}/${gv[2]}` : gv[2];
      if (!rel.kinds.has(`${apiVersion} ${gvk.kind}`)) rel.kinds.set(`${apiVersion} ${gvk.kind}`, name);
    }
  }
  return rel;
}

/**
 * The fields each object type of the newest catalogue has in `rel`: def index -> field names;
 * `gone`: def index -> the fields of the paired type that the newest catalogue no longer has.
 */
function pairedFields(newest, rel) {
  const present = new Map();
  const gone = new Map();
  const seen = new Set();
  const walk = (defIdx, typeName) => {
    const key = `${defIdx}:${typeName}`;
    if (seen.has(key)) return;
    seen.add(key);
    const def = newest.defs[defIdx];
    const type = rel.types.get(typeName);
    if (def === 0 || !type) return;
    const fields = present.get(defIdx) ?? new Set();
    present.set(defIdx, fields);
    for (const field of type.keys()) if (def[0][field] === undefined) (gone.get(defIdx) ?? gone.set(defIdx, new Set()).get(defIdx)).add(field);
    for (const [field, code] of Object.entries(def[0])) {
      const other = type.get(field);
      if (other === undefined) continue;
      fields.add(field);
      const base = code.replace(/^[[{]+/, "");
      const otherBase = other.replace(/^[[{]+/, "");
      if (base.startsWith("#") && otherBase.startsWith("#") && code.length - base.length === other.length - otherBase.length) {
        walk(Number(base.slice(1)), otherBase.slice(1));
      }
    }
  };
  for (const [apiVersion, byKind] of Object.entries(newest.kinds)) {
    for (const [kind, idx] of Object.entries(byKind)) {
      const typeName = rel.kinds.get(`${apiVersion} ${kind}`);
      if (typeName) walk(idx < 0 ? -1 - idx : idx, typeName);
    }
  }
  return Object.assign(present, { gone });
}

export async function generateHistory(sourcesDir) {
  const { data: newest } = await generateNewest();
  const releases = [...SOURCES.map((s) => s.release), newest.kubernetesVersion];
  const last = releases.length - 1;
  const perRelease = SOURCES.map((s) =>
    s.clientNode ? readClientNode(join(sourcesDir, `client-node-${s.clientNode}`)) : readOpenApiV3(join(sourcesDir, KUBECTL_VALIDATE, "pkg", "openapiclient", "builtins", s.openapiV3)),
  );
  if (releases[0] !== OLDEST_RELEASE) throw new Error(`the first source is ${releases[0]}, scripts/gen-catalogue.mjs says ${OLDEST_RELEASE}`);
  for (const [i, rel] of perRelease.entries()) {
    if (rel.kinds.size < 40 || rel.types.size < 300) throw new Error(`release ${releases[i]}: only ${rel.kinds.size} kinds, ${rel.types.size} types read`);
  }

  // Kinds of the newest catalogue: the first release of the run of releases up to the newest.
  const kinds = {};
  const irregular = [];
  for (const [apiVersion, byKind] of Object.entries(newest.kinds)) {
    for (const kind of Object.keys(byKind)) {
      let first = last;
      while (first > 0 && perRelease[first - 1].kinds.has(`${apiVersion} ${kind}`)) first--;
      if (perRelease.slice(0, first).some((r) => r.kinds.has(`${apiVersion} ${kind}`))) irregular.push(`${apiVersion} ${kind}`);
      if (first > 0) (kinds[apiVersion] ??= {})[kind] = first;
    }
  }
  // Group versions the newest no longer serves: [first, last] release.
  const retired = {};
  for (const [i, rel] of perRelease.entries()) {
    for (const key of rel.kinds.keys()) {
      const [apiVersion, kind] = key.split(" ");
      if (newest.kinds[apiVersion]?.[kind] !== undefined) continue;
      const range = ((retired[apiVersion] ??= {})[kind] ??= [i, i]);
      range[1] = i;
    }
  }
  // Fields: the first release of the run of releases up to the newest that has the field. A
  // field as old as its object type needs no entry: the walk only enters an object through a
  // field (or a kind) that the target release has.
  const present = perRelease.map((rel) => pairedFields(newest, rel));
  const fields = {};
  for (const [idx, def] of newest.defs.entries()) {
    if (def === 0) continue;
    const firsts = Object.keys(def[0]).map((field) => {
      let first = last;
      while (first > 0 && present[first - 1].get(idx)?.has(field)) first--;
      return [field, first];
    });
    const born = Math.min(...firsts.map(([, first]) => first));
    for (const [field, first] of firsts) if (first > born) (fields[idx] ??= {})[field] = first;
  }
  // Fields the newest release no longer has (Service spec.topologyKeys): [first, last] release
  // that has them, so a target in that range accepts them and a newer one says they were removed.
  const removedFields = {};
  for (const [i, p] of present.entries()) {
    for (const [idx, names] of p.gone) {
      for (const field of names) {
        if (field === "status" || (field === "apiVersion" || field === "kind")) continue;
        const range = ((removedFields[idx] ??= {})[field] ??= [i, i]);
        range[1] = i;
      }
    }
  }
  const data = {
    releases,
    sources: `1.19-1.22: @kubernetes/client-node ${SOURCES.filter((s) => s.clientNode).map((s) => s.clientNode).join(", ")}; 1.23-1.35: kubectl-validate builtins (upstream OpenAPI v3); ${newest.kubernetesVersion}: the catalogue`,
    kinds,
    retired,
    fields,
    removedFields,
  };
  const json = JSON.stringify(data);
  const module = `// Generated by scripts/gen-catalogue-history.mjs: do not edit. Kubernetes ${releases[0]} to ${releases[last]}.
// Release indexes into "releases"; a kind or field of the newest catalogue without an entry is served by every release.
export const HISTORY_JSON = \`${json}\`;
`;
  if (json.includes("`") || json.includes("${") || json.includes("\\")) throw new Error("the history cannot be written as a template literal");
  return { module, data, irregular };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = argValue("--sources") ?? join(ROOT, ".cache", "catalogue-sources");
  if (process.argv.includes("--fetch")) fetchSources(dir);
  else {
    const { module, data, irregular } = await generateHistory(dir);
    writeFileSync(HISTORY_OUTPUT, module);
    const n = (o) => Object.values(o).reduce((a, b) => a + Object.keys(b).length, 0);
    console.log(
      `history: Kubernetes ${data.releases[0]}-${data.releases.at(-1)}, ${n(data.kinds)} kinds newer than ${data.releases[0]}, ${n(data.retired)} retired, ${n(data.fields)} fields newer than ${data.releases[0]}, ${n(data.removedFields)} fields removed, ${module.length} bytes` +
        (irregular.length ? `; served with a gap: ${irregular.join(", ")}` : ""),
    );
  }
}
