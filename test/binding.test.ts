/** The PV controller's binding, replayed over the PVs and claims of an input. */
import { ResourceIndex } from "../src/models/resource-index.js";
import { parseText } from "../src/engine/parse.js";
import { claimBindings, requestedClass, type ClaimBinding } from "../src/models/binding.js";
import { Resource } from "../src/models/resource.js";

function indexOf(text: string): ResourceIndex {
  const resources = parseText(text)
    .filter((d) => d.value && typeof d.value === "object")
    .map((d, i) => new Resource(d.value as Record<string, unknown>, "-", d, [], "default", i));
  return new ResourceIndex(resources);
}

const pv = (name: string, spec: string, labels = "{}") => `apiVersion: v1
kind: PersistentVolume
metadata: {name: ${name}, labels: ${labels}}
spec: ${spec}
---
`;
const pvc = (name: string, spec: string, extra = "") => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}${extra}}
spec: ${spec}
---
`;

function bindings(text: string): Record<string, ClaimBinding> {
  const index = indexOf(text);
  return Object.fromEntries([...claimBindings(index)].map(([c, b]) => [c.name, b]));
}

const describeBinding = (b: ClaimBinding) =>
  b.state === "bound"
    ? `bound:${b.volume.name}`
    : b.state === "unbound"
      ? `unbound:${b.nearest.name}:${b.mismatch.criterion}`
      : b.state === "pinned-mismatch"
        ? `pinned-mismatch:${b.volume.name}:${b.mismatch.criterion}`
        : b.state;

type Case = [string, string, Record<string, string>];
const NFS = "nfs: {server: 10.0.0.5, path: /x}";
const cases: Case[] = [
  ["fits", pv("a", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteMany], ${NFS}}`) + pvc("c", "{storageClassName: nfs, accessModes: [ReadWriteMany], resources: {requests: {storage: 5Gi}}}"), { c: "bound:a" }],
  [
    "the smallest fitting PV wins",
    pv("big", `{storageClassName: nfs, capacity: {storage: 100Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) +
      pv("small", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) +
      pvc("c", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}"),
    { c: "bound:small" },
  ],
  ["capacity below the request", pv("a", `{storageClassName: nfs, capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) + pvc("c", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1025Mi}}}"), { c: "unbound:a:capacity" }],
  ["access modes must be a superset", pv("a", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) + pvc("c", "{storageClassName: nfs, accessModes: [ReadWriteOnce, ReadOnlyMany], resources: {requests: {storage: 1Gi}}}"), { c: "unbound:a:accessModes" }],
  ["volumeMode defaults to Filesystem on both", pv("a", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) + pvc("c", "{storageClassName: nfs, volumeMode: Filesystem, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"), { c: "bound:a" }],
  ["volumeMode Block against Filesystem", pv("a", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) + pvc("c", "{storageClassName: nfs, volumeMode: Block, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"), { c: "unbound:a:volumeMode" }],
  ["claim selector against PV labels", pv("a", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`, "{disk: hdd}") + pvc("c", "{storageClassName: nfs, selector: {matchLabels: {disk: ssd}}, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"), { c: "unbound:a:selector" }],
  ["a PV reserved for another claim", pv("a", `{storageClassName: nfs, claimRef: {namespace: default, name: other}, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) + pvc("c", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"), { c: "unbound:a:claimRef" }],
  ["a PV reserved for this claim ignores the class", pv("a", `{storageClassName: slow, claimRef: {namespace: default, name: c}, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) + pvc("c", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"), { c: "bound:a" }],
  ["volumeName pins a PV that fits", pv("a", `{storageClassName: "", capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) + pvc("c", '{volumeName: a, storageClassName: "", accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}'), { c: "bound:a" }],
  ["volumeName pins a PV with other access modes", pv("a", `{storageClassName: "", capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) + pvc("c", '{volumeName: a, storageClassName: "", accessModes: [ReadWriteMany], resources: {requests: {storage: 1Gi}}}'), { c: "pinned-mismatch:a:accessModes" }],
  ["volumeName pins a PV of another class", pv("a", `{storageClassName: slow, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) + pvc("c", "{volumeName: a, storageClassName: fast, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"), { c: "pinned-mismatch:a:storageClassName" }],
  ["volumeName names a PV outside the input", pvc("c", "{volumeName: elsewhere, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"), { c: "unknown" }],
  [
    "two claims, one PV: the first in input order gets it",
    pv("a", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) +
      pvc("first", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}") +
      pvc("second", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"),
    { first: "bound:a", second: "unbound:a:claimRef" },
  ],
  [
    "a pinned claim is bound before the others",
    pv("a", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) +
      pvc("free", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}") +
      pvc("pinned", "{volumeName: a, storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"),
    { pinned: "bound:a", free: "unbound:a:claimRef" },
  ],
  [
    "the fewest access modes first, then the smallest (findByClaim): both claims bind",
    pv("rwo-rox", `{storageClassName: nfs, capacity: {storage: 5Gi}, accessModes: [ReadWriteOnce, ReadOnlyMany], ${NFS}}`) +
      pv("rwo", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) +
      pvc("data", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}") +
      pvc("shared", "{storageClassName: nfs, accessModes: [ReadWriteOnce, ReadOnlyMany], resources: {requests: {storage: 1Gi}}}"),
    { data: "bound:rwo", shared: "bound:rwo-rox" },
  ],
  [
    "a wider access-mode set is used when the exact set has no fitting PV",
    pv("rwo-small", `{storageClassName: nfs, capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) +
      pv("rwo-rwx", `{storageClassName: nfs, capacity: {storage: 50Gi}, accessModes: [ReadWriteOnce, ReadWriteMany], ${NFS}}`) +
      pv("all", `{storageClassName: nfs, capacity: {storage: 20Gi}, accessModes: [ReadWriteOnce, ReadOnlyMany, ReadWriteMany], ${NFS}}`) +
      pvc("c", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}"),
    { c: "bound:rwo-rwx" },
  ],
  [
    "duplicate access modes do not widen the set",
    pv("twice", `{storageClassName: nfs, capacity: {storage: 20Gi}, accessModes: [ReadWriteOnce, ReadWriteOnce], ${NFS}}`) +
      pv("pair", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce, ReadOnlyMany], ${NFS}}`) +
      pvc("c", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"),
    { c: "bound:twice" },
  ],
  [
    "a claim whose modes no group covers stays unbound",
    pv("rwo", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) +
      pv("rox", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadOnlyMany], ${NFS}}`) +
      pvc("c", "{storageClassName: nfs, accessModes: [ReadWriteOnce, ReadOnlyMany], resources: {requests: {storage: 1Gi}}}"),
    { c: "unbound:rwo:accessModes" },
  ],
  ["no PV of the class in the input", pv("a", `{storageClassName: nfs, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) + pvc("c", "{storageClassName: gp3, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"), { c: "unknown" }],
  [
    "a provisioning StorageClass makes it dynamic",
    "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: nfs}\nprovisioner: nfs.csi.k8s.io\n---\n" +
      pv("a", `{storageClassName: nfs, capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) +
      pvc("c", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}"),
    { c: "dynamic" },
  ],
  [
    "a no-provisioner StorageClass does not provision",
    "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local}\nprovisioner: kubernetes.io/no-provisioner\n---\n" +
      pv("a", "{storageClassName: local, capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], local: {path: /mnt}}") +
      pvc("c", "{storageClassName: local, accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}"),
    { c: "unbound:a:capacity" },
  ],
  [
    "a claim without class gets the default StorageClass",
    "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: std, annotations: {storageclass.kubernetes.io/is-default-class: \"true\"}}\nprovisioner: pd.csi.storage.gke.io\n---\n" +
      pv("a", `{capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) +
      pvc("c", "{accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}"),
    { c: "dynamic" },
  ],
  ["the nearest PV fails the fewest criteria", pv("far", `{storageClassName: nfs, volumeMode: Block, capacity: {storage: 1Gi}, accessModes: [ReadOnlyMany], ${NFS}}`) + pv("near", `{storageClassName: nfs, capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], ${NFS}}`) + pvc("c", "{storageClassName: nfs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}"), { c: "unbound:near:capacity" }],
];

test.each(cases)("%s", (_name, text, expected) => {
  const got = Object.fromEntries(Object.entries(bindings(text)).map(([k, v]) => [k, describeBinding(v)]));
  expect(got).toEqual(expected);
});

test("the class of a claim: annotation, then spec, then the default StorageClass, then none", () => {
  const index = indexOf(
    pvc("annotated", "{storageClassName: b}", ", annotations: {volume.beta.kubernetes.io/storage-class: a}") + pvc("spec", "{storageClassName: b}") + pvc("empty", '{storageClassName: ""}') + pvc("unset", "{}"),
  );
  const cls = Object.fromEntries(index.ofKind("PersistentVolumeClaim").map((c) => [c.name, requestedClass(c, index)]));
  expect(cls).toEqual({ annotated: "a", spec: "b", empty: "", unset: "" });
});

test("the binding is computed once per run", () => {
  const index = indexOf(pvc("c", "{accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}"));
  expect(claimBindings(index)).toBe(claimBindings(index));
});
