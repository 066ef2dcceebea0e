import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "kustomization-invalid",
  category: "syntax",
  severity: "error",
  summary: "A kustomization has a key kustomize does not know, or an entry or value of the wrong type, so `kustomize build` fails.",
  explanation: `kustomize decodes a kustomization strictly (Kustomization.Unmarshal in
sigs.k8s.io/kustomize/api/types/kustomization.go: the YAML converted to JSON, decoded with
DisallowUnknownFields). A key that is no field of a Kustomization, such as \`resource:\` for
\`resources:\` or \`patchesStategicMerge:\`, and an entry of the wrong type stop \`kustomize build\` and
\`kubectl apply -k\` before anything is built ("invalid Kustomization: json: unknown field", "json:
cannot unmarshal string into Go struct field Kustomization.patches of type types.Patch"). Keys
are compared without regard to case, as encoding/json compares them. The common case of a wrong
type is a \`patches\` entry written as a bare path (the kustomize v1 form): each entry of \`patches\`
is a mapping with \`path\`, \`patch\` and \`target\` (kustomize v5, in kubectl since 1.27, no longer
converts the string form); the file it names is still treated as a patch, not as an object of its
own. The fields are kustomize v5's: v4's \`inventory\` is refused. Lists of paths (\`resources\`, \`components\`, \`patchesStrategicMerge\`,
...) take strings, and lists of settings (\`images\`, \`replicas\`, \`configMapGenerator\`, ...)
take mappings. Inside those mappings, and in \`namePrefix\`, \`namespace\`, \`commonLabels\`,
\`commonAnnotations\` and \`generatorOptions\`, each field is decoded the same way: a key that is
no field of the entry (\`tag:\` for \`newTag:\`) and a value of another type fail the build. The
common case is an unquoted number where kustomize wants a string: \`newTag: 1.25\` is the number
1.25 ("cannot unmarshal number into Go struct field Image.images.newTag of type string"), and
\`1.20\` would even lose its zero, so a tag, a label value or an annotation must be quoted. Fields
that only a kustomize newer than kubectl's reads (a generator's \`immutable\`) are accepted.`,
  fix: "Rename the key to the field it was meant to be (the finding names the nearest one), write the entry in the form of its field (`- path: patch.yaml` under `patches`), or quote a number or boolean where kustomize wants a string (`newTag: \"1.25\"`).",
  preventsStatus: [],
});
