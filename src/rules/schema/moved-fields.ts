/**
 * Fields written in the shape of another API version (or of another kind), and how the current
 * version writes the same thing. A plain "unknown field, remove it" would be wrong for them:
 * removing `serviceName` from a networking.k8s.io/v1 backend leaves an empty backend, which the
 * API server rejects too. Each entry recognises the object it applies to by fields of its schema
 * type, takes every old key written there, and yields ONE finding whose hint rewrites them.
 * Sources: k8s.io/api networking/v1 and v1beta1 types.go (IngressBackend, IngressSpec),
 * autoscaling/v1, v2 and v2beta1 types.go (HorizontalPodAutoscalerSpec, ResourceMetricSource),
 * apimachinery meta/v1 types.go (LabelSelector).
 */
import { formatPath } from "../../models/path.js";
import { labelMapKeys } from "../../models/selector.js";
import type { Path } from "../../types.js";

export interface MovedFields {
  /** The keys explained by this finding: none of them gets another unknown-field finding. */
  keys: string[];
  /** Required fields the rewrite writes: not reported missing beside this finding. */
  supplies: readonly string[];
  message: string;
  hint: string;
}

interface MoveRule {
  /** Fields the schema type must have: identifies the object (a v1 IngressBackend has service and resource). */
  typeHas: readonly string[];
  /** The written keys that belong to the old shape (only keys that are not fields of the type are offered). */
  oldKeys(unknown: ReadonlyArray<[string, unknown]>): string[];
  /** Required fields of the type that the rewrite writes. */
  supplies?: readonly string[];
  describe(written: Record<string, unknown>, keys: string[], where: string): { message: string; hint: string };
}

const quoted = (keys: string[]) => keys.map((k) => JSON.stringify(k)).join(" and ");

/** A value as it would be written in flow YAML (plain scalars for simple strings and numbers). */
function flow(v: unknown): string {
  if (typeof v === "string") return /^[A-Za-z0-9][-A-Za-z0-9_./]*$/.test(v) ? v : JSON.stringify(v);
  return v === undefined ? "<port>" : JSON.stringify(v);
}

function only(names: readonly string[]) {
  return (unknown: ReadonlyArray<[string, unknown]>) => unknown.map(([k]) => k).filter((k) => names.includes(k));
}

/** networking.k8s.io/v1beta1 backend fields -> v1 `service` (name, and port by number or name). */
function ingressService(written: Record<string, unknown>): string {
  const port = written.servicePort;
  const portText = typeof port === "string" ? `{name: ${flow(port)}}` : `{number: ${flow(port)}}`;
  return `service: {name: ${flow(written.serviceName ?? "<Service>")}, port: ${portText}}`;
}

const MOVES: readonly MoveRule[] = [
  {
    typeHas: ["service", "resource"],
    oldKeys: only(["serviceName", "servicePort"]),
    describe: (written, keys, where) => ({
      message: `${where} uses the networking.k8s.io/v1beta1 backend field${keys.length > 1 ? "s" : ""} ${quoted(keys)}; networking.k8s.io/v1 names the Service under "service"`,
      hint: `write service.name and service.port.${typeof written.servicePort === "string" ? "name" : "number"} instead of ${quoted(keys)}: ${ingressService(written)}`,
    }),
  },
  {
    typeHas: ["defaultBackend", "rules"],
    oldKeys: only(["backend"]),
    describe: (_written, _keys, where) => ({
      message: `${where} uses the networking.k8s.io/v1beta1 field "backend"; networking.k8s.io/v1 calls it "defaultBackend"`,
      hint: `rename "backend" to "defaultBackend" and write its Service as service: {name: ..., port: {number: ...}}`,
    }),
  },
  {
    typeHas: ["matchLabels", "matchExpressions"],
    oldKeys: (unknown) => labelMapKeys(Object.fromEntries(unknown)),
    describe: (written, keys, where) => ({
      message: `${where} is written as a label map (${quoted(keys)}); a label selector keeps its labels under "matchLabels"`,
      hint: `nest the labels under matchLabels: matchLabels: {${keys.map((k) => `${flow(k)}: ${flow(written[k])}`).join(", ")}}`,
    }),
  },
  {
    typeHas: ["metrics", "scaleTargetRef"],
    oldKeys: only(["targetCPUUtilizationPercentage"]),
    describe: (written, _keys, where) => ({
      message: `${where} uses the autoscaling/v1 field "targetCPUUtilizationPercentage"; autoscaling/v2 writes it as a Resource metric`,
      hint: `write metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: ${flow(written.targetCPUUtilizationPercentage)}}}}] instead`,
    }),
  },
  {
    typeHas: ["name", "target"],
    oldKeys: only(["targetAverageUtilization", "targetAverageValue"]),
    supplies: ["target"],
    describe: (written, keys, where) => {
      const utilization = written.targetAverageUtilization !== undefined;
      const target = utilization
        ? `{type: Utilization, averageUtilization: ${flow(written.targetAverageUtilization)}}`
        : `{type: AverageValue, averageValue: ${flow(written.targetAverageValue)}}`;
      return {
        message: `${where} uses the autoscaling/v2beta1 field${keys.length > 1 ? "s" : ""} ${quoted(keys)}; autoscaling/v2 writes the target under "target"`,
        hint: `write target: ${target} instead of ${quoted(keys)}`,
      };
    },
  },
];

/**
 * Old-shape keys among the unknown keys of one object. `isField` answers for the object's
 * schema type; `unknown` are the written keys that are not fields, with their values.
 */
export function movedFields(written: Record<string, unknown>, path: Path, isField: (name: string) => boolean, unknown: ReadonlyArray<[string, unknown]>): MovedFields[] {
  const out: MovedFields[] = [];
  if (unknown.length === 0) return out;
  const where = path.length ? formatPath(path) : "the object";
  for (const move of MOVES) {
    if (!move.typeHas.every(isField)) continue;
    const keys = move.oldKeys(unknown);
    if (keys.length) out.push({ keys, supplies: move.supplies ?? [], ...move.describe(written, keys, where) });
  }
  return out;
}
