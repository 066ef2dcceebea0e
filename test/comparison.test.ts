/**
 * docs/comparison.md may name only k8s-lint rules that exist. Every table with a "k8s-lint rules"
 * column holds rule ids there, each in backticks and comma-separated, and nothing else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allRules } from "../src/rules/index.js";
import { ROOT } from "./harness.js";

interface ClaimRow {
  line: number;
  /** The row's first cell: the other tool's check, or the area. */
  subject: string;
  coverage?: string;
  /** The raw "k8s-lint rules" cell. */
  rulesCell: string;
  /** The "Notes" cell, where the table has one. */
  notes?: string;
  ids: string[];
}

const cells = (row: string) => row.trim().replace(/^\||\|$/g, "").split(/(?<!\\)\|/).map((c) => c.trim());
const RULES_CELL = /^(`[a-z0-9-]+`(, `[a-z0-9-]+`)*)?$/;

/** The rows of every table that has a "k8s-lint rules" column. */
function claimRows(markdown: string): ClaimRow[] {
  const lines = markdown.split("\n");
  const rows: ClaimRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith("|")) continue;
    const header = cells(lines[i]);
    const rulesAt = header.indexOf("k8s-lint rules");
    if (rulesAt < 0) continue;
    const coverageAt = header.indexOf("Coverage");
    const notesAt = header.indexOf("Notes");
    for (i += 2; i < lines.length && lines[i].startsWith("|"); i++) {
      const row = cells(lines[i]);
      const rulesCell = row[rulesAt] ?? "";
      rows.push({
        line: i + 1,
        subject: row[0],
        ...(coverageAt >= 0 ? { coverage: row[coverageAt] } : {}),
        ...(notesAt >= 0 ? { notes: row[notesAt] ?? "" } : {}),
        rulesCell,
        ids: [...rulesCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]),
      });
    }
  }
  return rows;
}

const page = readFileSync(join(ROOT, "docs/comparison.md"), "utf8");
const rows = claimRows(page);
const known = new Set(allRules.map((r) => r.meta.id));

test("the page has its claim tables", () => {
  expect(rows.length).toBeGreaterThan(50);
  expect(rows.flatMap((r) => r.ids).length).toBeGreaterThan(60);
});

test.each(rows.map((r) => [r.line, r] as const))("docs/comparison.md:%i names only existing k8s-lint rules", (_line, row) => {
  expect(row.subject).not.toBe("");
  expect([row.rulesCell, RULES_CELL.test(row.rulesCell)]).toEqual([row.rulesCell, true]);
  expect(row.ids.filter((id) => !known.has(id))).toEqual([]);
  if (row.coverage !== undefined) {
    expect(["yes", "partly", "no"]).toContain(row.coverage);
    expect([row.coverage, row.ids.length > 0]).toEqual([row.coverage, row.coverage !== "no"]);
  }
});

test("the extraction catches what it must", () => {
  const sample = [
    "| Check | Coverage | k8s-lint rules | Notes |",
    "|---|---|---|---|",
    "| `a` | yes | `image-latest-tag`, `no-such-rule` | |",
    "| `b` | no | `image-latest-tag` | |",
    "| `c` | yes | image-latest-tag | |",
  ].join("\n");
  const [unknown, noWithRule, bare] = claimRows(sample);
  expect(unknown.ids.filter((id) => !known.has(id))).toEqual(["no-such-rule"]);
  expect(noWithRule.coverage === "no" && noWithRule.ids.length > 0).toBe(true);
  expect(RULES_CELL.test(bare.rulesCell)).toBe(false);
});

/**
 * The built-in checks of each tool, as their repositories list them (kube-linter
 * docs/generated/checks.md at 35de568d, kube-score README_CHECKS.md at 06dedc9c, Polaris
 * pkg/config/checks/*.yaml at c0e23a23). Every one must have its own row, so that the share of
 * mapped checks is counted over the whole list, not over the rows someone chose to write.
 */
const PEER_CHECKS: Record<string, string[]> = {
  "kube-linter": `access-to-create-pods access-to-secrets cluster-admin-role-binding dangling-horizontalpodautoscaler dangling-ingress
    dangling-networkpolicy dangling-networkpolicypeer-podselector dangling-service dangling-servicemonitor default-service-account
    deprecated-service-account-field dnsconfig-options docker-sock drop-net-raw-capability duplicate-env-var env-value-from env-var-secret
    exposed-services host-ipc host-network host-pid hpa-minimum-three-replicas invalid-target-ports job-ttl-seconds-after-finished latest-tag
    liveness-port minimum-three-replicas mismatching-selector no-anti-affinity no-extensions-v1beta no-liveness-probe no-node-affinity
    no-read-only-root-fs no-readiness-probe no-rolling-update-strategy non-existent-service-account non-isolated-pod pdb-max-unavailable
    pdb-min-available pdb-unhealthy-pod-eviction-policy priority-class-name privilege-escalation-container privileged-container
    privileged-ports read-secret-from-env-var readiness-port required-annotation-email required-label-owner restart-policy run-as-non-root
    scc-deny-privileged-container schema-validation sensitive-host-mounts sorted-keys ssh-port startup-port unsafe-proc-mount unsafe-sysctls
    unset-cpu-requirements unset-memory-requirements use-namespace wildcard-in-rules writable-host-mount`.split(/\s+/),
  "kube-score": `deployment-strategy deployment-replicas ingress-targets-service cronjob-has-deadline cronjob-restartpolicy container-resources
    container-resource-requests-equal-limits container-cpu-requests-equal-limits container-memory-requests-equal-limits container-image-tag
    container-image-pull-policy container-ephemeral-storage-request-and-limit container-ephemeral-storage-request-equals-limit
    container-ports-check environment-variable-key-duplication statefulset-has-poddisruptionbudget deployment-has-poddisruptionbudget
    poddisruptionbudget-has-policy pod-networkpolicy networkpolicy-targets-pod pod-probes pod-probes-identical
    container-security-context-user-group-id container-security-context-privileged container-security-context-readonlyrootfilesystem
    container-seccomp-profile service-targets-pod service-type stable-version deployment-has-host-podantiaffinity
    statefulset-has-host-podantiaffinity deployment-targeted-by-hpa-does-not-have-replicas-configured statefulset-has-servicename
    deployment-pod-selector-labels-match-template-metadata-labels statefulset-pod-selector-labels-match-template-metadata-labels label-values
    horizontalpodautoscaler-has-target horizontalpodautoscaler-replicas pod-topology-spread-constraints`.split(/\s+/),
  Polaris: `automountServiceAccountToken clusterrolePodExecAttach clusterrolebindingClusterAdmin clusterrolebindingPodExecAttach cpuLimitsMissing
    cpuRequestsMissing dangerousCapabilities deploymentMissingReplicas hostIPCSet hostNetworkSet hostPIDSet hostPathSet hostPortSet hostProcess
    hpaMaxAvailability hpaMinAvailability insecureCapabilities linuxHardening livenessProbeMissing memoryLimitsMissing memoryRequestsMissing
    metadataAndInstanceMismatched missingNetworkPolicy missingPodDisruptionBudget notReadOnlyRootFilesystem pdbDisruptionsIsZero
    pdbMinAvailableGreaterThanHPAMinReplicas priorityClassNotSet privilegeEscalationAllowed procMount pullPolicyNotAlways
    readinessProbeMissing rolePodExecAttach rolebindingClusterAdminClusterRole rolebindingClusterAdminRole rolebindingClusterRolePodExecAttach
    rolebindingRolePodExecAttach runAsPrivileged runAsRootAllowed sensitiveConfigmapContent sensitiveContainerEnvVar tagNotSpecified
    tlsSettingsMissing topologySpreadConstraint`.split(/\s+/),
};

/** The rows of the table under "## <tool>": one backticked check per row. */
function toolRows(tool: string): ClaimRow[] {
  const start = page.indexOf(`\n## ${tool}\n`);
  const end = page.indexOf("\n## ", start + 1);
  return claimRows(page.slice(start, end < 0 ? undefined : end));
}

/** The "| Tool | Checks | Mapped | Share |" table of the Summary section. */
function statedSummary(): Map<string, { checks: number; mapped: number; share: string }> {
  const out = new Map<string, { checks: number; mapped: number; share: string }>();
  for (const line of page.split("\n")) {
    const m = /^\| (kube-linter|kube-score|Polaris) \| (\d+) \| (\d+) \| (\d+%) \|$/.exec(line);
    if (m) out.set(m[1], { checks: Number(m[2]), mapped: Number(m[3]), share: m[4] });
  }
  return out;
}

describe.each(Object.keys(PEER_CHECKS))("%s", (tool) => {
  const rows = toolRows(tool);

  test("every built-in check has exactly one row of its own", () => {
    expect(rows.map((r) => r.subject).filter((s) => !/^`[A-Za-z0-9-]+`$/.test(s))).toEqual([]);
    const written = rows.map((r) => r.subject.slice(1, -1));
    expect([...written].sort()).toEqual([...PEER_CHECKS[tool]].sort());
  });

  test("the Summary states the mapped share counted from the rows, and it is at least 85%", () => {
    const mapped = rows.filter((r) => r.coverage !== "no").length;
    const share = `${Math.round((100 * mapped) / rows.length)}%`;
    expect(statedSummary().get(tool)).toEqual({ checks: rows.length, mapped, share });
    expect(mapped / rows.length).toBeGreaterThanOrEqual(0.85);
  });

  test("a check without a rule says why", () => {
    expect(rows.filter((r) => r.coverage === "no" && (r.notes ?? "").length < 20).map((r) => r.subject)).toEqual([]);
  });
});
