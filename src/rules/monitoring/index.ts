/** Rules of the "monitoring" category: prometheus-operator's ServiceMonitor, PodMonitor and PrometheusRule. */
import type { Rule } from "../types.js";
import { rule as podmonitorPortMissing } from "./podmonitor-port-missing.js";
import { rule as podmonitorSelectorNoMatch } from "./podmonitor-selector-no-match.js";
import { rule as prometheusruleExprInvalid } from "./prometheusrule-expr-invalid.js";
import { rule as servicemonitorPortMissing } from "./servicemonitor-port-missing.js";
import { rule as servicemonitorSelectorNoMatch } from "./servicemonitor-selector-no-match.js";

export const rules: Rule[] = [servicemonitorSelectorNoMatch, servicemonitorPortMissing, podmonitorSelectorNoMatch, podmonitorPortMissing, prometheusruleExprInvalid];
