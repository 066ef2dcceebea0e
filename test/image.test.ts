/**
 * Image references against the grammar of distribution/reference with docker's normalisation
 * (what the kubelet uses before InvalidImageName): each row says whether upstream accepts it.
 */
import { defaultPullPolicy } from "../src/models/defaults.js";
import { parseImageReference } from "../src/models/image.js";

const hex64 = "0123456789abcdef".repeat(4);
const valid: string[] = [
  "nginx",
  "nginx:1.27",
  "library/nginx:latest",
  "docker.io/library/nginx:1.27",
  "index.docker.io/nginx",
  "localhost:5000/app",
  "localhost/app:1",
  "registry.example.com:5000/team/app:v1.2.3",
  `ghcr.io/org/app@sha256:${hex64}`,
  `ghcr.io/org/app:1.0@sha256:${hex64}`,
  `app@sha512:${hex64}${hex64}`,
  "a/b/c/d/e:tag",
  "my_app:1",
  "my__app",
  "my-app---x",
  "gcr.io/project/app.name:1",
  "app:V1.0-RC_1",
  "app:_tag",
  `app:${"a".repeat(128)}`,
  "Registry.Example.com/app:1",
  "MyRegistry/app",
  "[::1]:5000/app",
  "[2001:db8::1]/team/app:2",
  "192.168.1.10:5000/app:1",
  // No slash: "registry" is the repository and "5000" its tag.
  "registry:5000",
  `${hex64}:tag`,
];
const invalid: string[] = [
  "",
  "nginx:",
  "Nginx",
  "team/App:1",
  "registry.example.com//app",
  "registry.example.com/app//sub",
  "app@sha256:abc",
  `app@sha256:${hex64.slice(0, 40)}`,
  `app@sha256:${hex64.toUpperCase()}`,
  `app@md5:${hex64.slice(0, 32)}`,
  `app:${"a".repeat(129)}`,
  "app:-tag",
  "app:.tag",
  "-app",
  "app-",
  "app_",
  "a..b",
  "a___b",
  " nginx",
  "nginx:1.0 ",
  "http://registry/app",
  "registry.example.com:port/app",
  hex64,
  "app:tag:tag2",
  `app@sha256:${hex64}@sha256:${hex64}`,
  "a/b:tag/c",
  "app name",
  "-registry.com/app",
  "registry.com:5000/App",
  "UPPER:tag",
  "app!:1",
  "a".repeat(256),
];

describe("image references (distribution/reference)", () => {
  test.each(valid)("accepts %j", (ref) => {
    expect(parseImageReference(ref)).toMatchObject({ ok: true });
  });
  test.each(invalid)("rejects %j", (ref) => {
    expect(parseImageReference(ref)).toMatchObject({ ok: false });
  });

  test("normalises like docker: domain, library/ prefix, tag and digest", () => {
    expect(parseImageReference("nginx")).toEqual({ ok: true, ref: { domain: "docker.io", path: "library/nginx" } });
    expect(parseImageReference("localhost:5000/team/app:1.2")).toEqual({ ok: true, ref: { domain: "localhost:5000", path: "team/app", tag: "1.2" } });
    expect(parseImageReference(`ghcr.io/org/app:1@sha256:${hex64}`)).toEqual({
      ok: true,
      ref: { domain: "ghcr.io", path: "org/app", tag: "1", digest: `sha256:${hex64}` },
    });
  });

  test("says why a reference is rejected", () => {
    expect(parseImageReference("team/App:1")).toEqual({ ok: false, error: expect.stringContaining("lowercase") });
    expect(parseImageReference("app@md5:" + hex64.slice(0, 32))).toEqual({ ok: false, error: expect.stringContaining("unsupported digest algorithm") });
  });

  test("a digest algorithm named like an object member is unsupported", () => {
    expect(parseImageReference(`app@constructor:${hex64}`)).toEqual({ ok: false, error: 'unsupported digest algorithm "constructor"' });
  });
});

/** SetDefaults_Container's policy from the full parse: the tag parsers.ParseImageName gives ("latest" when none is written and no digest). */
function pullPolicyOfParse(image: string): string {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return "IfNotPresent";
  return (parsed.ref.tag ?? (parsed.ref.digest ? undefined : "latest")) === "latest" ? "Always" : "IfNotPresent";
}

describe("the defaulted imagePullPolicy (SetDefaults_Container)", () => {
  const latest = ["nginx:latest", "localhost:5000/app:latest", `app:latest@sha256:${hex64}`, "app:latest:x", "Nginx:latest", "registry:latest/app"];
  test.each([...valid, ...invalid, ...latest])("%j: the policy of the full parse", (image) => {
    expect(defaultPullPolicy(image)).toBe(pullPolicyOfParse(image));
  });
  test("an implied or written latest tag is Always; another tag, a digest alone or an invalid reference IfNotPresent", () => {
    expect([defaultPullPolicy("nginx"), defaultPullPolicy("nginx:latest"), defaultPullPolicy("nginx:1.27"), defaultPullPolicy(`nginx@sha256:${hex64}`), defaultPullPolicy("Nginx")]).toEqual([
      "Always",
      "Always",
      "IfNotPresent",
      "IfNotPresent",
      "IfNotPresent",
    ]);
  });
});
