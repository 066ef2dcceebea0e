/** Rules of the "workloads" category. */
import type { Rule } from "../types.js";
import { rule as duplicateContainerName } from "./duplicate-container-name.js";
import { rule as duplicateEnvVar } from "./duplicate-env-var.js";
import { rule as duplicateVolumeName } from "./duplicate-volume-name.js";
import { rule as imageInvalid } from "./image-invalid.js";
import { rule as imageLatestTag } from "./image-latest-tag.js";
import { rule as invalidCronSchedule } from "./invalid-cron-schedule.js";
import { rule as jobRestartPolicy } from "./job-restart-policy.js";
import { rule as nodeNamePinned } from "./node-name-pinned.js";
import { rule as prestopExceedsGrace } from "./prestop-exceeds-grace.js";
import { rule as rollingUpdateZero } from "./rolling-update-zero.js";
import { rule as serviceAccountNameConflict } from "./serviceaccount-name-conflict.js";
import { rule as shellPid1 } from "./shell-pid1.js";

export const rules: Rule[] = [
  jobRestartPolicy,
  invalidCronSchedule,
  rollingUpdateZero,
  duplicateContainerName,
  duplicateEnvVar,
  duplicateVolumeName,
  imageInvalid,
  imageLatestTag,
  nodeNamePinned,
  shellPid1,
  serviceAccountNameConflict,
  prestopExceedsGrace,
];
