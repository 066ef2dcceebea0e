/**
 * What the Pod Security Standards rules share, after k8s.io/pod-security-admission/policy:
 * the policy version a run judges against (registry.go: a version newer than every check's is
 * judged as the newest), the containers a check visits (visitor.go: init, regular and ephemeral
 * containers), the pod-level exemptions (helpers.go relaxPolicyForUserNamespacePod; pod.spec.os
 * windows) and the restricted checks that replace a baseline check from some version on
 * (OverrideCheckIDs).
 */
import { checkedContainersOf, type CheckedContainer, type PodTemplate } from "../../models/resource.js";
import { compareVersions } from "../../models/catalogue/releases.js";
import type { Path } from "../../types.js";
import type { Settings } from "../types.js";

/** Whether the run's policy version is `minimum` or newer (both "1.NN"). */
export function atLeast(settings: Settings, minimum: string): boolean {
  return compareVersions(settings.podSecurity.version, minimum) >= 0;
}

/**
 * Whether a baseline check is replaced at this run's level and version by the restricted check
 * that overrides it (populate in registry.go drops an overridden baseline check from the
 * restricted set): its faults are then reported by the restricted rule.
 */
export function overriddenByRestricted(settings: Settings, since: string): boolean {
  return settings.podSecurity.level === "restricted" && atLeast(settings, since);
}

/** pod.spec.os.name is windows: the restricted checks exempt such pods from Linux-only fields from 1.25 on. */
export function isWindowsPod(tpl: PodTemplate): boolean {
  return asMap(podSpec(tpl).os)?.name === "windows";
}

/** hostUsers: false, a pod in its own user namespace (helpers.go relaxPolicyForUserNamespacePod). */
export function inUserNamespace(tpl: PodTemplate): boolean {
  return podSpec(tpl).hostUsers === false;
}

/** The pod spec with every field (the typed model declares only what most rules read). */
export function podSpec(tpl: PodTemplate): Record<string, unknown> {
  return tpl.spec as unknown as Record<string, unknown>;
}

export type { CheckedContainer };

/** Init, regular and ephemeral containers, as visitContainers (policy/visitor.go) walks them; made once per template (models/resource.ts). */
export function visitContainers(tpl: PodTemplate): readonly CheckedContainer[] {
  return checkedContainersOf(tpl);
}

/** The pod's securityContext, when it is a mapping. */
export function podSecurityContext(tpl: PodTemplate): Record<string, unknown> | undefined {
  return asMap(podSpec(tpl).securityContext);
}

export function asMap(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Where a finding about a container that lacks a field goes: its securityContext when it has one, else its name. */
export function containerAnchor(c: CheckedContainer): Path {
  if (c.securityContext) return [...c.path, "securityContext"];
  return c.raw.name !== undefined ? [...c.path, "name"] : c.path;
}

/** The words of a finding about the pod (Pod) or a container of it. */
export function containerWord(c: CheckedContainer): string {
  return `container "${c.name}"`;
}

/** A value as the message names it: strings in double quotes, anything else as JSON. */
export function shown(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/**
 * The exact name Pod Security compares against for a capability written another way: upper case
 * and without the CAP_ prefix the container runtime adds itself ("cap_kill" and "CAP_KILL" are
 * "KILL"), "*" for "ALL". Undefined when the value is already written so, or is no name.
 */
export function capabilityName(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const name = value === "*" ? "ALL" : value.toUpperCase().replace(/^CAP_/, "");
  return name !== value && /^[A-Z][A-Z0-9_]*$/.test(name) ? name : undefined;
}
