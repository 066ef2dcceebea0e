/** Rules of the "hygiene" category: credentials in plain sight, objects nothing cleans up or replaces, metadata teams rely on. */
import type { Rule } from "../types.js";
import { rule as configmapSecretData } from "./configmap-secret-data.js";
import { rule as cronjobConcurrency } from "./cronjob-concurrency-policy.js";
import { rule as cronjobDeadline } from "./cronjob-starting-deadline-missing.js";
import { rule as deprecatedAnnotation } from "./deprecated-annotation.js";
import { rule as deprecatedNodeLabel } from "./deprecated-node-label.js";
import { rule as deprecatedServiceAccount } from "./deprecated-serviceaccount-field.js";
import { rule as envSecretLiteral } from "./env-secret-literal.js";
import { rule as pullPolicy } from "./image-pull-policy-moving-tag.js";
import { rule as ingressTls } from "./ingress-tls-missing.js";
import { rule as jobTtl } from "./job-ttl-missing.js";
import { rule as nakedPod } from "./naked-pod.js";
import { rule as namespaceMissing } from "./namespace-missing.js";
import { rule as networkPolicy } from "./network-policy-missing.js";
import { rule as privilegedPort } from "./privileged-port.js";
import { rule as requiredMetadata } from "./required-metadata.js";
import { rule as serviceExposed } from "./service-exposed.js";
import { rule as writableRoot } from "./writable-root-filesystem.js";

export const rules: Rule[] = [
  envSecretLiteral,
  configmapSecretData,
  pullPolicy,
  namespaceMissing,
  nakedPod,
  cronjobDeadline,
  cronjobConcurrency,
  jobTtl,
  deprecatedServiceAccount,
  deprecatedAnnotation,
  deprecatedNodeLabel,
  networkPolicy,
  serviceExposed,
  ingressTls,
  writableRoot,
  privilegedPort,
  requiredMetadata,
];
