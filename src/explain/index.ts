/**
 * The advisor: `explainTopic(topic)` answers a rule id, a pod status reason or an exit code;
 * `diagnose(text)` advises on a kubectl dump. Imported only by the advisor commands and the API.
 */
export { explainTopic, findStatusTopic, rulesForTopic, suggest, type Explanation } from "./lookup.js";
export { explainExitCode, type ExitCodeInfo } from "./exit-codes.js";
export { podColumns, type PodColumns } from "./kubectl-status.js";
export { diagnose, analyze, DiagnoseInputError, type DiagnoseResult, type PodReport, type ContainerReport, type WorkloadReport } from "./diagnose.js";
export type { StatusTopic } from "./types.js";
