#!/usr/bin/env node
/**
 * Generates the API field catalogue of every built-in kind (src/models/catalogue/catalogue.generated.ts)
 * and src/models/kubernetes-version.ts from two installed, versioned renderings of the upstream
 * Kubernetes OpenAPI spec:
 *   - kubernetes-models (.d.ts): kinds (literal apiVersion/kind), fields, required fields, enum
 *     values, quantities, int-or-string, maps vs lists;
 *   - @kubernetes/client-node (model attribute maps): the Kubernetes release ("release-1.36") and
 *     the integer formats (int32/int64) that TypeScript's `number` loses.
 *
 *   node scripts/gen-catalogue.mjs           write the files
 *   node scripts/gen-catalogue.mjs --print   print the catalogue module to stdout (staleness test)
 *
 * Type codes of the catalogue: s string, n number, i integer, b boolean, q quantity,
 * x int-or-string, y base64 bytes, a anything, e<k> enum k, #<k> object type k,
 * [<code> list of <code>, {<code> map of string to <code>.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import ts from "typescript";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const MODELS_DIR = dirname(require.resolve("kubernetes-models/package.json", { paths: [ROOT] }));
const APIMACHINERY_DIR = join(dirname(MODELS_DIR), "@kubernetes-models", "apimachinery");
const CLIENT_DIR = join(ROOT, "node_modules", "@kubernetes", "client-node");
export const OUTPUT = join(ROOT, "src", "models", "catalogue", "catalogue.generated.ts");
export const VERSION_OUTPUT = join(ROOT, "src", "models", "kubernetes-version.ts");

/** The oldest release of the history: the first of scripts/gen-catalogue-history.mjs's sources. */
export const OLDEST_RELEASE = "1.19";

const QUANTITY = "IIoK8sApimachineryPkgApiResourceQuantity";
const INT_OR_STRING = "IIoK8sApimachineryPkgUtilIntstrIntOrString";

function pkgVersion(dir) {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
}

/** Reads every interface and type alias of the kubernetes-models declaration files. */
function readDeclarations() {
  const files = fg
    .sync(["**/*.d.ts"], { cwd: MODELS_DIR, ignore: ["_schemas/**", "**/index.d.ts"], absolute: true })
    .concat(fg.sync(["**/*.d.ts"], { cwd: APIMACHINERY_DIR, ignore: ["_schemas/**", "**/index.d.ts"], absolute: true }))
    .sort();
  /** Global name (IIoK8s...) -> { iface, sf } */
  const globals = new Map();
  /** Global name -> aliased type text (Time = string...) */
  const aliasTypes = new Map();
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
    const local = new Map();
    const localAlias = new Map();
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st)) local.set(st.name.text, st);
      else if (ts.isTypeAliasDeclaration(st)) localAlias.set(st.name.text, st.type);
      else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) {
          const from = (el.propertyName ?? el.name).text;
          const to = el.name.text;
          if (local.has(from)) globals.set(to, { iface: local.get(from), sf, file });
          else if (localAlias.has(from)) aliasTypes.set(to, { node: localAlias.get(from), sf });
        }
      }
    }
    // Self references inside a file (JSONSchemaProps) use the local name.
    for (const [name, iface] of local) if (!globals.has(`local:${file}:${name}`)) globals.set(`local:${file}:${name}`, { iface, sf, file });
  }
  return { globals, aliasTypes };
}

function build() {
  const { globals, aliasTypes } = readDeclarations();
  const defs = [];
  const defIndex = new Map();
  const enums = [];
  const enumIndex = new Map();
  const problems = [];

  const enumCode = (values) => {
    const sorted = [...new Set(values)].sort();
    const key = JSON.stringify(sorted);
    if (!enumIndex.has(key)) {
      enumIndex.set(key, enums.length);
      enums.push(sorted);
    }
    return `e${enumIndex.get(key)}`;
  };

  const literalValues = (node) => {
    const parts = ts.isUnionTypeNode(node) ? node.types : [node];
    const out = [];
    for (const p of parts) {
      if (ts.isLiteralTypeNode(p) && ts.isStringLiteral(p.literal)) out.push(p.literal.text);
      else return undefined;
    }
    return out;
  };

  const refCode = (name, file) => {
    if (name === QUANTITY) return "q";
    if (name === INT_OR_STRING) return "x";
    if (aliasTypes.has(name)) {
      const { node, sf } = aliasTypes.get(name);
      return typeCode(node, sf, file);
    }
    const key = globals.has(name) ? name : `local:${file}:${name}`;
    const g = globals.get(key);
    if (!g) {
      problems.push(`unresolved type ${name} in ${relative(ROOT, file)}`);
      return "a";
    }
    return `#${defOf(g.iface, g.sf, g.file, key)}`;
  };

  function typeCode(node, sf, file) {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return "s";
      case ts.SyntaxKind.NumberKeyword:
        return "n";
      case ts.SyntaxKind.BooleanKeyword:
        return "b";
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
      case ts.SyntaxKind.ObjectKeyword:
        return "a";
      default:
    }
    const lit = literalValues(node);
    if (lit) return enumCode(lit);
    if (ts.isParenthesizedTypeNode(node)) return typeCode(node.type, sf, file);
    if (ts.isArrayTypeNode(node)) return `[${typeCode(node.elementType, sf, file)}`;
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(sf);
      if (name === "Array" && node.typeArguments?.length === 1) return `[${typeCode(node.typeArguments[0], sf, file)}`;
      return refCode(name, file);
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find((m) => ts.isIndexSignatureDeclaration(m));
      if (index && node.members.length === 1) return `{${typeCode(index.type, sf, file)}`;
      return `#${defOf(node, sf, file, undefined)}`;
    }
    problems.push(`unsupported type "${node.getText(sf).slice(0, 60)}" in ${relative(ROOT, file)}`);
    return "a";
  }

  function defOf(decl, sf, file, key) {
    const cacheKey = key ?? decl;
    if (defIndex.has(cacheKey)) return defIndex.get(cacheKey);
    const i = defs.length;
    defIndex.set(cacheKey, i);
    const def = { f: {}, r: [] };
    defs.push(def);
    const props = decl.members.filter((m) => ts.isPropertySignature(m));
    // An interface without properties is free-form JSON (RawExtension, FieldsV1, JSON).
    if (!props.length) {
      def.free = true;
      return i;
    }
    for (const m of props) {
      const name = ts.isStringLiteral(m.name) ? m.name.text : m.name.getText(sf);
      // apiVersion/kind are checked by the apiVersion rules, and embedded objects may omit them.
      const code = name === "apiVersion" || name === "kind" ? "s" : typeCode(m.type, sf, file);
      def.f[name] = code;
      if (!m.questionToken && name !== "apiVersion" && name !== "kind") def.r.push(name);
    }
    return i;
  }

  // Kinds: interfaces whose apiVersion and kind are string literals.
  const kinds = {};
  for (const [name, g] of [...globals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (name.startsWith("local:")) continue;
    const lit = (prop) => {
      const m = g.iface.members.find((x) => ts.isPropertySignature(x) && x.name.getText(g.sf).replace(/"/g, "") === prop);
      return m && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal) ? m.type.literal.text : undefined;
    };
    const apiVersion = lit("apiVersion");
    const kind = lit("kind");
    if (!apiVersion || !kind) continue;
    if (kind.endsWith("List") && g.iface.members.some((x) => ts.isPropertySignature(x) && x.name.getText(g.sf).replace(/"/g, "") === "items")) continue;
    (kinds[apiVersion] ??= {})[kind] = defOf(g.iface, g.sf, g.file, name);
  }
  return { defs, enums, kinds, problems };
}

/** The kinds served by the release: the `create` and `read` operations of @kubernetes/client-node's API classes. */
function servedKinds() {
  const dir = join(CLIENT_DIR, "dist", "gen", "apis");
  const served = [];
  for (const file of fg.sync(["*Api.js"], { cwd: dir }).sort()) {
    const text = readFileSync(join(dir, file), "utf8");
    const paths = new Map();
    for (const m of text.matchAll(/async ((?:create|read)\w+)\([^)]*\) \{[\s\S]*?localVarPath = '([^']+)'/g)) if (!paths.has(m[1])) paths.set(m[1], m[2]);
    for (const m of text.matchAll(/async ((?:create|read)\w+)WithHttpInfo\(response\) \{[\s\S]*?deserialize\([^"]*"(\w+)"/g)) {
      const path = paths.get(m[1]);
      const gv = path && /^\/(?:api|apis\/([^/]+))\/([^/]+)\//.exec(path);
      // Subresources (pods/eviction, deployments/scale) return kinds of other groups.
      if (!gv || path.includes("{name}/")) continue;
      const apiVersion = gv[1] ? `${gv[1]}/${gv[2]}` : gv[2];
      const kind = m[2].replace(/^(?:[A-Z][a-z]+)?V\d+(?:alpha\d+|beta\d+)?/, "");
      if (kind === "Status") continue;
      served.push({ apiVersion, kind, model: m[2], namespaced: path.includes("{namespace}") });
    }
  }
  return served;
}

/** Field types from a @kubernetes/client-node model class; required fields from its declaration file. */
function clientNodeCatalogue(models) {
  const defs = [];
  const index = new Map();
  const requiredOf = (name) => {
    const file = join(CLIENT_DIR, "dist", "gen", "models", `${name}.d.ts`);
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
    const out = [];
    for (const st of sf.statements) {
      if (!ts.isClassDeclaration(st)) continue;
      for (const m of st.members) {
        if (ts.isPropertyDeclaration(m) && !m.questionToken && !m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) {
          out.push(ts.isStringLiteral(m.name) ? m.name.text : m.name.getText(sf));
        }
      }
    }
    return out;
  };
  const code = (type, format) => {
    const t = type.replace(/\s+/g, "");
    let m;
    if ((m = /^Array<(.+)>$/.exec(t))) return `[${code(m[1], format)}`;
    if ((m = /^\{\[key:string\]:(.+);\}$/.exec(t))) return `{${code(m[1], format)}`;
    if (t === "string") return format === "byte" ? "y" : format === "int-or-string" ? "x" : "s";
    if (t === "number") return format === "int32" || format === "int64" ? "i" : "n";
    if (t === "boolean") return "b";
    if (t === "Date" || t === "V1MicroTime") return "s";
    if (t === "IntOrString") return "x";
    if (t === "any" || t === "object") return "a";
    if (models[t]?.attributeTypeMap) return `#${defOf(t)}`;
    throw new Error(`unsupported client-node type ${type}`);
  };
  function defOf(name) {
    if (index.has(name)) return index.get(name);
    const i = defs.length;
    index.set(name, i);
    const def = { f: {}, r: [], name };
    defs.push(def);
    const attrs = models[name].attributeTypeMap;
    if (!attrs.length) {
      def.free = true;
      return i;
    }
    for (const a of attrs) def.f[a.baseName] = a.baseName === "apiVersion" || a.baseName === "kind" ? "s" : code(a.type, a.format);
    def.r = requiredOf(name).filter((f) => f !== "apiVersion" && f !== "kind" && f in def.f);
    return i;
  }
  return { defs, defOf };
}

/**
 * Enum values and quantities from kubernetes-models, matched field by field by walking both
 * renderings from the same kind; client-node renders both as plain strings.
 */
function overlay(cn, km, cnIdx, kmIdx, seen) {
  const key = `${cnIdx}:${kmIdx}`;
  if (seen.has(key)) return;
  seen.add(key);
  const a = cn.defs[cnIdx];
  const b = km.defs[kmIdx];
  if (a.free || b.free) return;
  for (const [field, codeA] of Object.entries(a.f)) {
    const codeB = b.f[field];
    if (codeB === undefined) continue;
    const baseA = codeA.replace(/^[[{]+/, "");
    const baseB = codeB.replace(/^[[{]+/, "");
    const wrapA = codeA.slice(0, codeA.length - baseA.length);
    const wrapB = codeB.slice(0, codeB.length - baseB.length);
    if (wrapA !== wrapB) continue;
    if (baseA === "s" && baseB.startsWith("e") && field !== "apiVersion" && field !== "kind") a.f[field] = `${wrapA}e${baseB.slice(1)}`;
    else if (baseA === "s" && baseB === "q") a.f[field] = `${wrapA}q`;
    else if (baseA.startsWith("#") && baseB.startsWith("#")) overlay(cn, km, Number(baseA.slice(1)), Number(baseB.slice(1)), seen);
  }
}

export async function generate() {
  const km = build();
  if (km.problems.length) throw new Error(`catalogue generation failed:\n${km.problems.join("\n")}`);
  const models = await import(join(CLIENT_DIR, "dist", "gen", "models", "all.js"));
  const cn = clientNodeCatalogue(models);
  const kinds = {};
  const seen = new Set();
  let withEnums = 0;
  for (const s of servedKinds().sort((x, y) => (x.apiVersion + x.kind < y.apiVersion + y.kind ? -1 : 1))) {
    // Stale API classes of client-node may name models it no longer ships.
    if (!models[s.model]?.attributeTypeMap) continue;
    if ((kinds[s.apiVersion] ??= {})[s.kind] !== undefined) continue;
    const idx = cn.defOf(s.model);
    kinds[s.apiVersion][s.kind] = s.namespaced ? idx : -1 - idx;
    const kmIdx = km.kinds[s.apiVersion]?.[s.kind];
    if (kmIdx !== undefined) {
      overlay(cn, km, idx, kmIdx, seen);
      withEnums++;
    }
  }
  // Enum indexes of kubernetes-models are kept as they are: only the used ones are emitted.
  const used = new Map();
  const enums = [];
  for (const d of cn.defs) {
    for (const [f, c] of Object.entries(d.f)) {
      const m = /^([[{]*)e(\d+)$/.exec(c);
      if (!m) continue;
      if (!used.has(m[2])) {
        used.set(m[2], enums.length);
        enums.push(km.enums[Number(m[2])]);
      }
      d.f[f] = `${m[1]}e${used.get(m[2])}`;
    }
  }
  const mismatches = Object.values(kinds).reduce((n, k) => n + Object.keys(k).length, 0) - withEnums;
  const cat = { kinds, enums, defs: cn.defs };
  const header = readFileSync(join(CLIENT_DIR, "dist", "gen", "models", "V1Pod.js"), "utf8");
  const release = /OpenAPI spec version: release-(\d+\.\d+)/.exec(header);
  if (!release) throw new Error("cannot read the Kubernetes release from @kubernetes/client-node");
  const data = {
    kubernetesVersion: release[1],
    source: `kubernetes-models@${pkgVersion(MODELS_DIR)} + @kubernetes/client-node@${pkgVersion(CLIENT_DIR)}`,
    kinds: cat.kinds,
    enums: cat.enums,
    defs: cat.defs.map((d) => (d.free ? 0 : d.r.length ? [d.f, d.r] : [d.f])),
  };
  const json = JSON.stringify(data);
  const module = `// Generated by scripts/gen-catalogue.mjs from ${data.source}: do not edit.
// Kubernetes ${data.kubernetesVersion}. Regenerate with \`npm run gen:catalogue\`.
export const CATALOGUE_JSON: string = \`${json}\`;
`;
  // A template literal needs no escapes (a quoted string would double every quote of the JSON).
  if (json.includes("`") || json.includes("${") || json.includes("\\")) throw new Error("the catalogue cannot be written as a template literal");
  const version = `// Generated by scripts/gen-catalogue.mjs: do not edit.
/** The Kubernetes release the API catalogue describes; the default \`--kubernetes-version\`. */
export const CATALOGUE_KUBERNETES_VERSION = "${data.kubernetesVersion}";
/** The oldest release the catalogue's history (scripts/gen-catalogue-history.mjs) covers. */
export const OLDEST_KUBERNETES_VERSION = "${OLDEST_RELEASE}";
`;
  return { module, version, data, mismatches };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { module, version, data, mismatches } = await generate();
  if (process.argv.includes("--print")) {
    process.stdout.write(module + version);
  } else {
    writeFileSync(OUTPUT, module);
    writeFileSync(VERSION_OUTPUT, version);
    const kinds = Object.values(data.kinds).reduce((n, k) => n + Object.keys(k).length, 0);
    console.log(
      `catalogue: Kubernetes ${data.kubernetesVersion}, ${Object.keys(data.kinds).length} group versions, ${kinds} kinds, ${data.defs.length} types, ${Math.round(module.length / 1024)} KiB` +
        (mismatches ? ` (${mismatches} kinds without enum/quantity details)` : ""),
    );
  }
}
