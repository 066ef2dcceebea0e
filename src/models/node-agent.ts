/**
 * Node agents: pods that exist to work with the node they run on, so host access (hostPath,
 * privileged, host namespaces) is their job rather than a risk taken by accident. A DaemonSet
 * is one by its kind; a CSI node plugin is one whatever kind runs it (csi-driver-host-path
 * deploys its plugin as a StatefulSet), recognised by how it registers with the kubelet.
 */
import { parseImageReference } from "./image.js";
import { containersOf, type PodTemplate } from "./resource.js";

/**
 * The kubelet's plugin directories under its default root (pkg/kubelet/config/defaults.go:
 * DefaultKubeletPluginsDirName "plugins", DefaultKubeletPluginsRegistrationDirName
 * "plugins_registry"): the plugin watcher (pkg/kubelet/pluginmanager) finds a CSI node plugin by
 * the socket it places in plugins_registry, and the plugin serves its own socket under plugins.
 */
const KUBELET_PLUGIN_DIRS = ["/var/lib/kubelet/plugins_registry", "/var/lib/kubelet/plugins"];

/** The sidecar that registers a CSI node plugin with the kubelet (kubernetes-csi/node-driver-registrar). */
const REGISTRAR = /(^|[/-])node-driver-registrar$/;

function underKubeletPlugins(path: unknown): boolean {
  if (typeof path !== "string") return false;
  const p = path.replace(/\/+$/, "");
  return KUBELET_PLUGIN_DIRS.some((dir) => p === dir || p.startsWith(`${dir}/`));
}

function isRegistrar(image: unknown): boolean {
  if (typeof image !== "string") return false;
  const parsed = parseImageReference(image);
  return parsed.ok && REGISTRAR.test(parsed.ref.path);
}

/** Whether the pods are a CSI node plugin: a hostPath in the kubelet's plugin directories, or a node-driver-registrar container. */
export function isCsiNodePlugin(tpl: PodTemplate): boolean {
  if (tpl.spec.volumes?.some((v) => underKubeletPlugins(v.hostPath?.path))) return true;
  return containersOf(tpl, { init: true }).some(({ container }) => isRegistrar(container.image));
}

/** Whether a workload runs node agents: a DaemonSet, or a CSI node plugin of any kind. */
export function runsNodeAgent(kind: string, tpl: PodTemplate): boolean {
  return kind === "DaemonSet" || isCsiNodePlugin(tpl);
}
