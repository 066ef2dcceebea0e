import type { Detector } from "./pod-dump.js";

/**
 * What `k8s-lint explain <reason>` knows about one pod status reason, and how `diagnose`
 * recognises it in a dump. Topics are data plus one detector.
 */
export interface StatusTopic {
  /** The reason as kubectl prints it (`CrashLoopBackOff`, `Init:N/M`). */
  name: string;
  /** Other spellings or event reasons that lead to this topic (`BackOff`, `FailedScheduling`). */
  aliases?: string[];
  /** One line. */
  summary: string;
  /** The pod phase (status.phase) while the pod shows this. */
  phase: string;
  /** Where the reason comes from: the STATUS column, a container's waiting reason, status.reason... */
  source: string;
  /** What it means, in cluster terms. */
  meaning: string;
  /** Common causes, most likely first. */
  causes: string[];
  /** kubectl commands to investigate; `<pod>`, `<ns>`, `<container>`, `<node>` are placeholders. */
  commands: string[];
  /** Related topics. */
  seeAlso?: string[];
  /**
   * Recognises the status in a pod of a kubectl dump and says its most likely cause (null: the
   * pod is fine). `diagnose` asks the topics in `diagnosisOrder` (topics/index.ts) in turn.
   */
  detect: Detector;
}
