/** Every status topic, in the order `explain --list` shows them (the lifecycle order), and the order `diagnose` asks them in. */
import { topic as pending } from "./pending.js";
import { topic as schedulingGated } from "./scheduling-gated.js";
import { topic as unschedulable } from "./unschedulable.js";
import { topic as containerCreating } from "./container-creating.js";
import { topic as createPodSandboxError } from "./create-pod-sandbox-error.js";
import { topic as podInitializing } from "./pod-initializing.js";
import { topic as initProgress } from "./init-progress.js";
import { topic as initError } from "./init-error.js";
import { topic as initCrashloopbackoff } from "./init-crashloopbackoff.js";
import { topic as errImagePull } from "./err-image-pull.js";
import { topic as imagePullBackoff } from "./image-pull-backoff.js";
import { topic as invalidImageName } from "./invalid-image-name.js";
import { topic as errImageNeverPull } from "./err-image-never-pull.js";
import { topic as registryUnavailable } from "./registry-unavailable.js";
import { topic as imageInspectError } from "./image-inspect-error.js";
import { topic as createContainerConfigError } from "./create-container-config-error.js";
import { topic as createContainerError } from "./create-container-error.js";
import { topic as runContainerError } from "./run-container-error.js";
import { topic as startError } from "./start-error.js";
import { topic as containerCannotRun } from "./container-cannot-run.js";
import { topic as postStartHookError } from "./post-start-hook-error.js";
import { topic as running } from "./running.js";
import { topic as notReady } from "./not-ready.js";
import { topic as crashloopbackoff } from "./crashloopbackoff.js";
import { topic as oomkilled } from "./oomkilled.js";
import { topic as error } from "./error.js";
import { topic as completed } from "./completed.js";
import { topic as deadlineExceeded } from "./deadline-exceeded.js";
import { topic as evicted } from "./evicted.js";
import { topic as outOfCpu } from "./out-of-cpu.js";
import { topic as outOfMemory } from "./out-of-memory.js";
import { topic as terminating } from "./terminating.js";
import { topic as unknown } from "./unknown.js";
import { topic as nodeLost } from "./node-lost.js";
import { topic as containerStatusUnknown } from "./container-status-unknown.js";
import type { StatusTopic } from "../types.js";

export const statusTopics: readonly StatusTopic[] = [
  pending,
  schedulingGated,
  unschedulable,
  containerCreating,
  createPodSandboxError,
  podInitializing,
  initProgress,
  initError,
  initCrashloopbackoff,
  errImagePull,
  imagePullBackoff,
  invalidImageName,
  errImageNeverPull,
  registryUnavailable,
  imageInspectError,
  createContainerConfigError,
  createContainerError,
  runContainerError,
  startError,
  containerCannotRun,
  postStartHookError,
  running,
  notReady,
  crashloopbackoff,
  oomkilled,
  error,
  completed,
  deadlineExceeded,
  evicted,
  outOfCpu,
  outOfMemory,
  terminating,
  unknown,
  nodeLost,
  containerStatusUnknown,
];

/**
 * The order `diagnose` asks the topics' detectors, the first to answer giving the likely cause:
 * what the pod as a whole says first (deleted, evicted, rejected, stopped, not scheduled), then
 * the container kubectl names (waiting reasons, then failed runs, the specific reasons before
 * Error), then the pod being prepared, and the running pod last (finished, not ready,
 * restarting).
 */
export const diagnosisOrder: readonly StatusTopic[] = [
  terminating,
  evicted,
  outOfCpu,
  outOfMemory,
  deadlineExceeded,
  nodeLost,
  unknown,
  schedulingGated,
  unschedulable,
  errImagePull,
  imagePullBackoff,
  invalidImageName,
  errImageNeverPull,
  registryUnavailable,
  imageInspectError,
  createContainerConfigError,
  createContainerError,
  runContainerError,
  postStartHookError,
  createPodSandboxError,
  initCrashloopbackoff,
  crashloopbackoff,
  containerStatusUnknown,
  oomkilled,
  startError,
  containerCannotRun,
  initError,
  error,
  initProgress,
  containerCreating,
  podInitializing,
  pending,
  completed,
  notReady,
  running,
];
