/** Rules of the "monitoring" category: prometheus-operator's ServiceMonitor, PodMonitor and PrometheusRule. */
import type { Rule } from "../types.js";
import { rule as prometheusruleExprInvalid } from "./prometheusrule-expr-invalid.js";

export const rules: Rule[] = [prometheusruleExprInvalid];
