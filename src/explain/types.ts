/** What `k8s-lint explain <reason>` knows about one pod status reason. Topics are data. */
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
}
