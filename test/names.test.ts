/** Names and labels validated as k8s.io/apimachinery/pkg/util/validation does. */
import { dns1035Label, dns1123Label, dns1123Subdomain, labelValue, nameRuleOf, pathSegmentName, qualifiedName } from "../src/models/catalogue/names.js";

const long = (n: number, c = "a") => c.repeat(n);

const CASES: Array<[string, (v: string) => string[], string, boolean]> = [
  ["subdomain", dns1123Subdomain, "web", true],
  ["subdomain", dns1123Subdomain, "web-1", true],
  ["subdomain", dns1123Subdomain, "web.example.com", true],
  ["subdomain", dns1123Subdomain, "1web", true],
  ["subdomain", dns1123Subdomain, long(253), true],
  ["subdomain", dns1123Subdomain, long(254), false],
  ["subdomain", dns1123Subdomain, "Web", false],
  ["subdomain", dns1123Subdomain, "web_1", false],
  ["subdomain", dns1123Subdomain, "-web", false],
  ["subdomain", dns1123Subdomain, "web-", false],
  ["subdomain", dns1123Subdomain, "web..x", false],
  ["subdomain", dns1123Subdomain, ".web", false],
  ["subdomain", dns1123Subdomain, "", false],
  ["label", dns1123Label, "default", true],
  ["label", dns1123Label, "kube-system", true],
  ["label", dns1123Label, "1abc", true],
  ["label", dns1123Label, long(63), true],
  ["label", dns1123Label, long(64), false],
  ["label", dns1123Label, "my.ns", false],
  ["label", dns1123Label, "My-ns", false],
  ["dns1035", dns1035Label, "web", true],
  ["dns1035", dns1035Label, "web-2", true],
  ["dns1035", dns1035Label, "2web", false],
  ["dns1035", dns1035Label, "web.svc", false],
  ["dns1035", dns1035Label, "web-", false],
  ["dns1035", dns1035Label, long(64), false],
  ["path", pathSegmentName, "system:controller:foo", true],
  ["path", pathSegmentName, "Admin_Role", true],
  ["path", pathSegmentName, "..", false],
  ["path", pathSegmentName, "a/b", false],
  ["path", pathSegmentName, "50%", false],
  ["key", qualifiedName, "app", true],
  ["key", qualifiedName, "app.kubernetes.io/name", true],
  ["key", qualifiedName, "example.com/My_Key.1", true],
  ["key", qualifiedName, "k8s.io/" + long(63), true],
  ["key", qualifiedName, "k8s.io/" + long(64), false],
  ["key", qualifiedName, "/name", false],
  ["key", qualifiedName, "a/b/c", false],
  ["key", qualifiedName, "Example.com/name", false],
  ["key", qualifiedName, "my key", false],
  ["key", qualifiedName, "name-", false],
  ["key", qualifiedName, "_name", false],
  ["key", qualifiedName, "example.com/", false],
  ["value", labelValue, "", true],
  ["value", labelValue, "v1.2.3", true],
  ["value", labelValue, "Web_Server-1", true],
  ["value", labelValue, long(63), true],
  ["value", labelValue, long(64), false],
  ["value", labelValue, "settings-", false],
  ["value", labelValue, "a b", false],
  ["value", labelValue, "a/b", false],
  ["value", labelValue, ".hidden", false],
];

test.each(CASES)("%s %p: %p valid=%p", (_kind, fn, value, valid) => {
  expect(fn(value).length === 0).toBe(valid);
});

test("the table has at least 40 cases", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
});

test("name rules per kind", () => {
  expect(nameRuleOf("Service", "")).toBe("dns1035-label");
  expect(nameRuleOf("Namespace", "")).toBe("dns1123-label");
  expect(nameRuleOf("Deployment", "apps")).toBe("dns1123-subdomain");
  expect(nameRuleOf("ClusterRole", "rbac.authorization.k8s.io")).toBe("path-segment");
});
