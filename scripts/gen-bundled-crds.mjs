#!/usr/bin/env node
/**
 * Generates the bundled schemas of the custom resources most clusters run (Gateway API,
 * prometheus-operator, cert-manager, KEDA, Argo Rollouts, Argo CD, External Secrets, Kyverno, Flux) from the installed
 * `@kubernetes-models/*` packages (devDependencies, pinned exactly), so that such resources are
 * validated like built-in kinds when no CustomResourceDefinition of the input describes them.
 *
 * The packages render each project's API as TypeScript declarations: generated from the
 * project's CRD manifests (`crd-generate`) or from its Go API types (`go-generate`). The
 * TypeScript checker resolves them (aliases, imports, inherited fields) into: fields, required
 * fields (not optional), string enums (unions of literals), int-or-string (string | number),
 * lists, maps (index signatures) and free-form objects (`{}`, any). Integer and number are one
 * type there, and defaults are not rendered: see docs/bundled-schemas.md.
 *
 * Writes three files:
 *   src/models/bundled-crds/schemas.generated.ts   the schemas (loaded lazily, on the first custom resource of a bundled group)
 *   src/models/bundled-crds/releases.generated.ts  projects, package versions, groups, kinds (small, loaded at start-up)
 *   docs/bundled-schemas.md                        the docs page
 *
 *   node scripts/gen-bundled-crds.mjs           write the files
 *   node scripts/gen-bundled-crds.mjs --print   print the three files as JSON to stdout (staleness test)
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import ts from "typescript";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
export const SCHEMAS_OUTPUT = join(ROOT, "src", "models", "bundled-crds", "schemas.generated.ts");
export const RELEASES_OUTPUT = join(ROOT, "src", "models", "bundled-crds", "releases.generated.ts");
export const DOCS_OUTPUT = join(ROOT, "docs", "bundled-schemas.md");

/** The projects, their package, the API groups taken from it, and where to read more. */
const PROJECTS = [
  { name: "Gateway API", package: "@kubernetes-models/gateway-api", groups: ["gateway.networking.k8s.io"], home: "https://gateway-api.sigs.k8s.io" },
  { name: "prometheus-operator", package: "@kubernetes-models/prometheus-operator", groups: ["monitoring.coreos.com"], home: "https://prometheus-operator.dev", release: /prometheus-operator\/releases\/download\/(v[\d.]+)\// },
  { name: "cert-manager", package: "@kubernetes-models/cert-manager", groups: ["cert-manager.io"], home: "https://cert-manager.io", release: /cert-manager\/releases\/download\/(v[\d.]+)\/cert-manager\.crds\.yaml/ },
  // WithTriggers is a view KEDA decodes other objects into, not a kind of its own.
  { name: "KEDA", package: "@kubernetes-models/keda", groups: ["keda.sh"], home: "https://keda.sh", skipKinds: ["WithTriggers"] },
  { name: "Argo Rollouts", package: "@kubernetes-models/argo-rollouts", groups: ["argoproj.io"], home: "https://argoproj.github.io/rollouts/" },
  // The same API group as Argo Rollouts: each kind is its project's (BundledRelease.kinds).
  { name: "Argo CD", package: "@kubernetes-models/argo-cd", groups: ["argoproj.io"], home: "https://argo-cd.readthedocs.io" },
  { name: "External Secrets Operator", package: "@kubernetes-models/external-secrets", groups: ["external-secrets.io"], home: "https://external-secrets.io" },
  // Policies only: reports.kyverno.io and wgpolicyk8s.io hold the reports the controller writes.
  { name: "Kyverno", package: "@kubernetes-models/kyverno", groups: ["kyverno.io", "policies.kyverno.io"], home: "https://kyverno.io" },
  { name: "Flux", package: "@kubernetes-models/flux-cd", groups: ["source.toolkit.fluxcd.io", "kustomize.toolkit.fluxcd.io", "helm.toolkit.fluxcd.io", "notification.toolkit.fluxcd.io", "image.toolkit.fluxcd.io"], home: "https://fluxcd.io" },
];

/** Fields every object has: ObjectMeta and TypeMeta are checked by the engine; status is written by the controller. */
const ROOT_FIELDS = new Set(["apiVersion", "kind", "metadata", "status"]);

function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`, { paths: [ROOT] }));
}

function packageJson(dir) {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
}

/** Where the package says it was generated from: CRD manifests (URLs) or Go API packages. */
function sourcesOf(pkg) {
  if (pkg["crd-generate"]) return { kind: "CRD manifests", inputs: pkg["crd-generate"].input };
  if (pkg["go-generate"]) return { kind: "Go API types", inputs: pkg["go-generate"].input };
  return { kind: "unknown", inputs: [] };
}


function build() {
  const projects = PROJECTS.map((p) => {
    const dir = packageDir(p.package);
    const pkg = packageJson(dir);
    const files = fg.sync(p.groups.map((g) => `${g}/*/*.d.ts`), { cwd: dir, absolute: true, ignore: ["**/index.d.ts"] }).sort();
    return { ...p, dir, version: pkg.version, sources: sourcesOf(pkg), files };
  });
  const program = ts.createProgram(
    projects.flatMap((p) => p.files),
    { strict: false, noEmit: true, skipLibCheck: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 },
  );
  const checker = program.getTypeChecker();

  /** Hash-consed nodes: identical sub-schemas are stored once. */
  const nodes = [];
  const nodeIndex = new Map();
  const intern = (node) => {
    const text = JSON.stringify(node);
    let i = nodeIndex.get(text);
    if (i === undefined) {
      i = nodes.length;
      nodes.push(node);
      nodeIndex.set(text, i);
    }
    return i;
  };
  const ANY = intern({ t: "*" });
  const byType = new Map();
  const inProgress = new Set();

  function convert(type) {
    const cached = byType.get(type);
    if (cached !== undefined) return cached;
    // A type that contains itself (JSON schema props) is free-form below its first level.
    if (inProgress.has(type)) return ANY;
    inProgress.add(type);
    const i = intern(describe(type));
    inProgress.delete(type);
    byType.set(type, i);
    return i;
  }

  function describe(type) {
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { t: "*" };
    if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { t: "b" };
    if (f & ts.TypeFlags.String) return { t: "s" };
    if (f & ts.TypeFlags.StringLiteral) return { t: "s", e: [type.value] };
    if (f & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return { t: "n" };
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      const strings = parts.filter((t) => t.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral));
      const numbers = parts.filter((t) => t.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral));
      const booleans = parts.filter((t) => t.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral));
      if (strings.length && numbers.length && strings.length + numbers.length === parts.length) return { t: "x" };
      if (booleans.length === parts.length) return { t: "b" };
      if (strings.length === parts.length) {
        if (strings.some((t) => t.flags & ts.TypeFlags.String)) return { t: "s" };
        return { t: "s", e: strings.map((t) => t.value).sort() };
      }
      if (numbers.length === parts.length) return { t: "n" };
      if (parts.length === 1) return describe(parts[0]);
      return { t: "*" };
    }
    if (checker.isArrayType(type)) return { t: "a", i: convert(checker.getTypeArguments(type)[0]) };
    if (f & ts.TypeFlags.Object) {
      const props = checker.getPropertiesOfType(type);
      const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
      if (!props.length && !index) return { t: "*" };
      const node = { t: "o" };
      if (props.length) {
        node.p = {};
        const required = [];
        for (const sym of [...props].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
          const decl = sym.valueDeclaration ?? sym.declarations?.[0];
          node.p[sym.name] = convert(checker.getTypeOfSymbolAtLocation(sym, decl));
          if (!(sym.flags & ts.SymbolFlags.Optional)) required.push(sym.name);
        }
        if (required.length) node.r = required;
      }
      if (index) node.m = convert(index.type);
      return node;
    }
    return { t: "*" };
  }

  /** group -> kind -> version -> root node index. */
  const kinds = {};
  const releases = [];
  for (const project of projects) {
    const projectKinds = [];
    for (const file of project.files) {
      const sf = program.getSourceFile(file);
      if (!sf) continue;
      for (const st of sf.statements) {
        if (!ts.isInterfaceDeclaration(st)) continue;
        const type = checker.getTypeAtLocation(st);
        const apiVersion = literalOf(type, "apiVersion");
        const kind = literalOf(type, "kind");
        if (!apiVersion || !kind || kind.endsWith("List") || project.skipKinds?.includes(kind)) continue;
        const [group, version] = apiVersion.split("/");
        const root = { t: "o", p: {} };
        const required = [];
        for (const sym of [...checker.getPropertiesOfType(type)].sort((a, b) => (a.name < b.name ? -1 : 1))) {
          if (ROOT_FIELDS.has(sym.name)) continue;
          root.p[sym.name] = convert(checker.getTypeOfSymbolAtLocation(sym, sym.valueDeclaration ?? sym.declarations[0]));
          if (!(sym.flags & ts.SymbolFlags.Optional)) required.push(sym.name);
        }
        if (required.length) root.r = required;
        ((kinds[group] ??= {})[kind] ??= {})[version] = intern(root);
        projectKinds.push({ group, kind, version });
      }
    }
    const byKind = new Map();
    for (const k of projectKinds) {
      const key = `${k.kind}.${k.group}`;
      if (!byKind.has(key)) byKind.set(key, []);
      byKind.get(key).push(k.version);
    }
    releases.push({
      project: project.name,
      home: project.home,
      package: project.package,
      packageVersion: project.version,
      generatedFrom: project.sources.kind,
      inputs: project.sources.inputs,
      // The newest release of the project's own manifests among the inputs (a package also reads older ones).
      upstream: project.release ? (project.sources.inputs.map((i) => project.release.exec(i)?.[1]).filter(Boolean).pop() ?? null) : null,
      groups: project.groups,
      kinds: [...byKind].sort(([a], [b]) => (a < b ? -1 : 1)).map(([type, versions]) => ({ type, versions: versions.sort() })),
    });
  }

  function literalOf(type, name) {
    const sym = checker.getPropertyOfType(type, name);
    if (!sym) return undefined;
    const t = checker.getTypeOfSymbolAtLocation(sym, sym.valueDeclaration ?? sym.declarations[0]);
    return t.flags & ts.TypeFlags.StringLiteral ? t.value : undefined;
  }

  const data = JSON.stringify({ nodes, kinds });
  const hash = createHash("sha256").update(data).digest("hex").slice(0, 16);
  return { data, hash, releases };
}

function schemasModule({ data, hash }) {
  return `// Generated by scripts/gen-bundled-crds.mjs from the @kubernetes-models/* packages: do not edit.
// Schemas of custom resources (see ./index.ts): nodes are hash-consed, a kind's root is a node index.
// Node: t type (o object, a list, s string, n number, b boolean, x int-or-string, * anything),
// p fields (name -> node), r required fields, e string enum, i list item node, m map value node.
export const CONTENT_HASH = ${JSON.stringify(hash)};
export const DATA = ${JSON.stringify(data)};
`;
}

function releasesModule({ hash, releases }) {
  return `// Generated by scripts/gen-bundled-crds.mjs from the @kubernetes-models/* packages: do not edit.
import type { BundledRelease } from "./types.js";

/** The sha256 (first 16 hex digits) of the schema data of schemas.generated.ts. */
export const BUNDLED_CONTENT_HASH = ${JSON.stringify(hash)};

/** The projects whose schemas are bundled, with the package versions they were generated from. */
export const BUNDLED_RELEASES: readonly BundledRelease[] = ${JSON.stringify(releases.map((r) => ({ project: r.project, home: r.home, package: r.package, packageVersion: r.packageVersion, upstream: r.upstream, groups: r.groups, kinds: r.kinds.map((k) => k.type) })), null, 2)};

/** Kind -> the apiVersions (group/version) whose schema is bundled, without reading the schema data. */
export const BUNDLED_API_VERSIONS: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(bundledApiVersions(releases), null, 2)};
`;
}

/** Kind -> its bundled apiVersions, sorted; a kind of two groups lists both. */
function bundledApiVersions(releases) {
  const out = {};
  for (const r of releases) {
    for (const k of r.kinds) {
      const dot = k.type.indexOf(".");
      const [kind, group] = [k.type.slice(0, dot), k.type.slice(dot + 1)];
      (out[kind] ??= []).push(...k.versions.map((v) => `${group}/${v}`));
    }
  }
  return Object.fromEntries(Object.keys(out).sort().map((kind) => [kind, out[kind].sort()]));
}

function docsPage({ releases }) {
  const out = [];
  out.push("<!-- Generated by `node scripts/gen-bundled-crds.mjs` from the installed @kubernetes-models/* packages: do not edit. -->");
  out.push("# Bundled schemas of common custom resources");
  out.push("");
  out.push("k8s-lint ships the schemas of the custom resources most clusters run, so that a HTTPRoute, a");
  out.push("ServiceMonitor or a Certificate is validated like a built-in kind (unknown fields, types,");
  out.push("required fields, enum values) although its CustomResourceDefinition is not part of the input.");
  out.push("A CustomResourceDefinition in the input always wins: its schema is used instead. A version or");
  out.push("kind that is not listed here is not validated and counts as skipped, as before.");
  out.push("");
  out.push("The schemas are generated by `node scripts/gen-bundled-crds.mjs` from the TypeScript");
  out.push("declarations of the `@kubernetes-models/*` packages (pinned in package.json); a test fails when");
  out.push("the generated files differ from what the installed packages give. They are loaded only when the");
  out.push("input holds a resource of one of these API groups.");
  out.push("");
  out.push("What the declarations keep, and so what is checked: fields, required fields, string enums,");
  out.push("int-or-string, lists and maps. What they lose: integer versus number (any number is accepted),");
  out.push("defaults, patterns and ranges. A cluster may run a newer release than the one bundled, which can");
  out.push("add fields, enum values and defaults and stop requiring a field. So every finding that rests on");
  out.push("what the bundled schema does not know is reported with the bundled release named, below an error:");
  out.push("an unknown field, a key the schema places elsewhere, or a known name with a word added");
  out.push("(`onepasswordSDK` beside `onepassword`) is `info`; a value outside its enum or a missing required");
  out.push("field (it may have a default) is a `warning`. A misspelling of a known name or value (`dnsName`,");
  out.push("`ecdsa`) and a value of the wrong type for a field the schema declares (a list where a string goes)");
  out.push("stay errors. For an exact check, pass the CustomResourceDefinitions of the release the cluster runs with");
  out.push("`--context`: a CRD of the input or the context always wins over the bundled schema.");
  out.push("`status` is not checked (the controller writes it).");
  out.push("");
  out.push("| project | package | generated from | API groups | kinds |");
  out.push("|---|---|---|---|---|");
  for (const r of releases) {
    const from = r.upstream ? `CRD manifests of ${r.upstream}` : `${r.generatedFrom}`;
    out.push(`| [${r.project}](${r.home}) | \`${r.package}@${r.packageVersion}\` | ${from} | ${r.groups.map((g) => `\`${g}\``).join(", ")} | ${r.kinds.length} |`);
  }
  for (const r of releases) {
    out.push("");
    out.push(`## ${r.project}`);
    out.push("");
    out.push(`\`${r.package}@${r.packageVersion}\`, generated from ${r.generatedFrom}:`);
    out.push("");
    for (const input of r.inputs) out.push(`- ${input}`);
    if (!r.inputs.length) out.push("- (not recorded by the package)");
    out.push("");
    out.push("| kind | versions |");
    out.push("|---|---|");
    for (const k of r.kinds) out.push(`| \`${k.type}\` | ${k.versions.join(", ")} |`);
  }
  return out.join("\n") + "\n";
}

export function generate() {
  const built = build();
  return { [SCHEMAS_OUTPUT]: schemasModule(built), [RELEASES_OUTPUT]: releasesModule(built), [DOCS_OUTPUT]: docsPage(built) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = generate();
  if (process.argv.includes("--print")) process.stdout.write(JSON.stringify(files));
  else for (const [path, text] of Object.entries(files)) writeFileSync(path, text);
}
