/** The message style check of the fixture harness catches what STYLE.md rules out. */
import type { Diagnostic } from "../src/types.js";
import { styleProblems } from "./message-style.js";

const finding = (message: string, hint?: string, related?: string): Diagnostic => ({
  ruleId: "image-latest-tag",
  severity: "warning",
  message,
  ...(hint !== undefined ? { hint } : {}),
  resource: { apiVersion: "apps/v1", kind: "Deployment", name: "web", namespace: "default" },
  path: "spec",
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  ...(related !== undefined ? { related: { file: "a.yaml", line: 1, column: 1, resource: { apiVersion: "v1", kind: "Certificate", name: "x", namespace: "default" }, path: "spec", message: related } } : {}),
});

test.each([
  ['image "nginx" has no tag', "pin a version tag or a digest", undefined],
  ['Service "web" is not headless', "set spec.clusterIP: None", undefined],
  ['Deployment "web" has "app=web"', "align the selector", "Certificate from the related resource keeps its capital"],
  ["ReadWriteOnce volume mounted twice", "use ReadWriteMany", "TLS secret"],
  ["replicas 2 is reset on every apply", "remove spec.replicas", undefined],
])("accepts %j", (message, hint, related) => {
  expect(styleProblems(finding(message, hint, related))).toEqual([]);
});

test.each([
  ["Image has no tag", undefined, "starts with a capital"],
  ['image "nginx" has no tag.', undefined, "ends with a period"],
  ['image "nginx has no tag', undefined, "unbalanced double quote"],
  ["image `nginx` has no tag", undefined, "backticks"],
  ['selector matches nothing: the template has app=web', undefined, "label app=web without double quotes"],
  ['image "nginx" has no tag', "a version tag is missing", 'hint starts with "a"'],
  ['image "nginx" has no tag', "Pin a version tag", 'hint starts with a capital'],
  ['image "nginx" has no tag', "pin a version tag...", "hint ends with a period"],
])("rejects %j", (message, hint, problem) => {
  expect(styleProblems(finding(message, hint)).join("; ")).toContain(problem);
});
