import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "kustomization-path-missing",
  category: "syntax",
  severity: "error",
  summary: "A kustomization names a local file or folder that does not exist, so `kustomize build` fails.",
  explanation: `\`kustomize build\` (and \`kubectl apply -k\`) loads every local path its kustomization names and
stops at the first one missing ("evalsymlink failure ... no such file or directory", and for a
resource "must build at directory"): nothing of the build is applied, the objects of the other
entries included. The paths judged are those of \`resources\` and \`bases\` (a file, or a folder with
a kustomization), \`components\` (a folder), the files of \`patches\`, \`patchesJson6902\` and
\`patchesStrategicMerge\`, the \`files\`, \`envs\` and \`env\` of \`configMapGenerator\` and
\`secretGenerator\` entries, \`configurations\`, \`crds\`, \`replacements\`, and the plugin
configurations of \`generators\`, \`transformers\` and \`validators\`. Each is relative to the
kustomization's folder and is looked up on disk, not among the linted files: a base outside the
linted paths, or a file an ignore pattern leaves out, exists and is fine. Remote entries (URLs,
\`github.com/...\`, \`?ref=\`) are fetched by kustomize and never judged, nor is a kustomization
read from stdin, which has no folder. A missing path that a \`.gitignore\` keeps out of git (an env
file a Makefile writes before the build) is missing in every fresh checkout, CI included: the
finding names that \`.gitignore\` and asks for the file to be made before the build and the lint
(from the template committed beside it, \`azure.conf.example\` for \`azure.conf\`, never offered
as a misspelling: a template holds placeholders, not the values).

A Flux Kustomization's \`spec.path\` is judged too: Flux fails one whose folder is not in its source
("kustomization path not found"). The path is relative to the root of the source, which the files
do not name; it is judged only when another Flux Kustomization of the same \`sourceRef\` resolves
its own path to a folder of the input, which places that root (a source of another repository is
never judged).
kustomize builds only a file named kustomization.yaml, kustomization.yml or Kustomization: a
Kustomization under another name (\`M6-rocky-test-kustomization.yaml\`, which a tutorial copies
into place) is judged only when a missing path has a near spelling in its folder, a typo; its
other paths are the destination's.`,
  fix: "Correct the path (relative to the kustomization's folder, or for a Flux Kustomization to the root of its source; the finding names a sibling with a near name), or remove the entry; add the file if it was never committed.",
  preventsStatus: [],
});
