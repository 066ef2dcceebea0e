import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "unrendered-template",
  category: "syntax",
  severity: "error",
  summary: "The document still contains template syntax ({{ }}): render it before linting.",
  explanation: `A Helm chart template or a file with Go template placeholders is not a manifest yet:
the API server would receive the literal "{{ .Values.image }}" text, which is at best an
invalid value and usually a YAML syntax error. Lint what is actually applied: the output of
\`helm template\` or \`kustomize build\`. The document is not linted further. The templates of a
Helm chart in the input (files under a \`templates\` folder beside a Chart.yaml) are reported once
for the chart, at the first template found, rather than once per file, and as a warning: nothing
is wrong with a chart (an Argo CD or Flux repository renders it in the cluster), only its
templates go unlinted, and a repository that ships charts must not fail every run for it. Another tool's
placeholder that is not Go template syntax (Argo Rollouts' \`{{args.name}}\`) left unquoted is
reported with the fix it needs: YAML reads \`key: {{args.name}}\` as a mapping, so quote the value.
Chart values handed to a controller (a Flux HelmRelease's spec.values, an Argo CD Application's
helm values and parameters, a values file written as a block scalar in a ConfigMap's data or a
Secret's stringData for a HelmRelease's valuesFrom) are data, not a template to render here, and
so are the files of a Fleet Bundle (spec.resources[].content), which its agent renders; so
are the templates inside strings of a document without apiVersion or kind (a chart's values file,
whose \`extraObjects\` the chart renders with \`tpl\`) and every template of a helmfile (a file with
helmfile's schema modeline, or a document with top-level \`releases\` or \`repositories\`), which
helmfile renders. An indented line of actions alone (\`{{ range $k, $v := .Labels }}\`,
\`{{ end }}\`) in a document that YAML cannot read is the template's control flow, reported here
rather than as a syntax error. A Go template that a Go package of its folder or a folder above embeds
(\`//go:embed\`) is the program's, filled in when it runs, and is skipped without a finding (the
object it defines is still there for the file's other documents to refer to), and so
is an embedded document whose actions read the program's data (\`namespace: "{{ .ClusterName }}"\`),
quoted or not; so is a file with Jinja2 syntax in an Ansible role's templates folder
(\`roles/<role>/templates/\`), which the role's template tasks render; so are the patches of a kustomization that builds a Helm chart's templates (one
whose namespace or labels are template actions, as Gatekeeper's helmify writes). A file
with ytt annotations (Carvel's \`#@ load(...)\`, \`#@overlay/match\`, \`name: #@ data.values.name\`)
is a ytt template: valid YAML whose computed values read as null and whose overlays are partial
objects; its documents are not linted, and the templates of a folder and its subfolders are
reported once, as a warning, as a chart's are.`,
  fix: "Render first, e.g. `helm template my-release ./chart | k8s-lint -`, or `kustomize build overlays/prod | k8s-lint -`.",
  preventsStatus: ["InvalidImageName", "ErrImagePull", "ImagePullBackOff"],
});
