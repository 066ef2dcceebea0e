/**
 * The handlers of probes and lifecycle hooks: a hook names exactly one handler, an exec handler
 * names a command. Source: pkg/apis/core/validation/validation.go, validateLifecycle and
 * validateProbe, which both call validateHandler (one handler, validateExecAction for exec).
 * They judge the containers and the sidecars (restartable init containers); on another init
 * container or an ephemeral container probes and hooks are forbidden outright (forbidden-value,
 * invalid-value), and not judged further. That a probe names exactly one handler is
 * probe-handler-invalid's finding.
 */
import { filledList } from "../../../models/values.js";
import { containerLabel, containersOf, isMap, isSet, POD_KINDS, type CheckContext, type ContainerSite, type CrossFieldConstraint, type Obj } from "./walk.js";
import type { Path } from "../../../types.js";

const CORE = "pkg/apis/core/validation/validation.go";

type Probe = "livenessProbe" | "readinessProbe" | "startupProbe";
type Hook = "postStart" | "preStop";

const PROBES: readonly Probe[] = ["livenessProbe", "readinessProbe", "startupProbe"];
const HOOKS: readonly Hook[] = ["postStart", "preStop"];
const PROBE_NAME: Record<Probe, string> = { livenessProbe: "liveness probe", readinessProbe: "readiness probe", startupProbe: "startup probe" };

/** handlerFromLifecycle: the handlers of a lifecycle hook, in the order validateHandler counts them. */
const HOOK_HANDLERS = ["exec", "httpGet", "tcpSocket", "sleep"];

/** The containers whose probes and hooks validateContainers and validateInitContainers (restartPolicy Always) validate. */
function judgedContainers(ctx: CheckContext): ContainerSite[] {
  return containersOf(ctx, ["initContainers", "containers"]).filter((site) => site.list === "containers" || site.sidecar);
}

/** A handler of a probe or a hook at `path` below the container, with how messages name it. */
interface HandlerSite {
  handler: Obj;
  path: Path;
  what: string;
}

function probeSites(ctx: CheckContext, probe: Probe): HandlerSite[] {
  const out: HandlerSite[] = [];
  for (const site of judgedContainers(ctx)) {
    const handler = site.container[probe];
    if (isMap(handler)) out.push({ handler, path: [...site.path, probe], what: `${PROBE_NAME[probe]} of ${containerLabel(site)}` });
  }
  return out;
}

function hookSites(ctx: CheckContext, hook: Hook): HandlerSite[] {
  const out: HandlerSite[] = [];
  for (const site of judgedContainers(ctx)) {
    const lifecycle = site.container.lifecycle;
    const handler = isMap(lifecycle) ? lifecycle[hook] : undefined;
    if (isMap(handler)) out.push({ handler, path: [...site.path, "lifecycle", hook], what: `${hook} hook of ${containerLabel(site)}` });
  }
  return out;
}

/** validateExecAction: an exec handler names a command (exec is the first handler validateHandler counts, so it is always validated). */
function execCommand(where: "probe" | "hook", field: Probe | Hook): CrossFieldConstraint {
  const container = where === "probe" ? `spec.template.spec.containers[].${field}` : `spec.template.spec.containers[].lifecycle.${field}`;
  return {
    path: `${container}.exec.command`,
    kinds: POD_KINDS,
    constraint: `the exec handler of a ${where === "probe" ? PROBE_NAME[field as Probe] : `${field} hook`} names a command`,
    rule: "required-value",
    upstream: `${CORE} validateExecAction (Required "command"), called by validateHandler from ${where === "probe" ? "validateProbe" : "validateLifecycle"}`,
    check(ctx) {
      const sites = where === "probe" ? probeSites(ctx, field as Probe) : hookSites(ctx, field as Hook);
      for (const { handler, path, what } of sites) {
        const exec = handler.exec;
        if (!isMap(exec) || filledList(exec.command)) continue;
        const written = isSet(exec.command);
        ctx.report({
          path: [...path, "exec", ...(written ? ["command"] : [])],
          target: "key",
          message: written ? `the exec command of the ${what} is empty` : `the exec handler of the ${what} has no command`,
          hint: 'add the command to run, e.g. command: ["sh", "-c", "test -f /tmp/ready"], or use another handler',
        });
      }
    },
  };
}

/** validateHandler through validateLifecycle: a hook that is written names a handler. */
function hookHasHandler(hook: Hook): CrossFieldConstraint {
  return {
    path: `spec.template.spec.containers[].lifecycle.${hook}`,
    kinds: POD_KINDS,
    constraint: `a ${hook} hook names a handler (exec, httpGet, tcpSocket or sleep)`,
    rule: "required-value",
    upstream: `${CORE} validateHandler (Required "must specify a handler type"), called by validateLifecycle`,
    check(ctx) {
      for (const { handler, path, what } of hookSites(ctx, hook)) {
        if (HOOK_HANDLERS.some((h) => isSet(handler[h]))) continue;
        ctx.report({ path, target: "key", message: `the ${what} names no handler`, hint: `add one of ${HOOK_HANDLERS.join(", ")} under ${hook}, or remove ${hook}` });
      }
    },
  };
}

/** validateHandler through validateLifecycle: a hook names one handler; each one after the first is forbidden. */
function hookHasOneHandler(hook: Hook): CrossFieldConstraint {
  return {
    path: `spec.template.spec.containers[].lifecycle.${hook}`,
    kinds: POD_KINDS,
    constraint: `a ${hook} hook names one handler`,
    rule: "forbidden-value",
    upstream: `${CORE} validateHandler (Forbidden "may not specify more than 1 handler type"), called by validateLifecycle`,
    check(ctx) {
      for (const { handler, path, what } of hookSites(ctx, hook)) {
        const named = HOOK_HANDLERS.filter((h) => isSet(handler[h]));
        for (const extra of named.slice(1)) {
          ctx.report({ path: [...path, extra], target: "key", message: `the ${what} names "${extra}" beside "${named[0]}": a hook runs one handler`, hint: `keep one of ${named.join(", ")}; run the other from a script if both are needed` });
        }
      }
    },
  };
}

export const HANDLER_CONSTRAINTS: readonly CrossFieldConstraint[] = [
  ...PROBES.map((probe) => execCommand("probe", probe)),
  ...HOOKS.map((hook) => execCommand("hook", hook)),
  ...HOOKS.map(hookHasHandler),
  ...HOOKS.map(hookHasOneHandler),
];
