/** The workload an HPA scales, looked up in the index (models/scale-target.ts), and the HPAs of each workload. */
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey, type Memo } from "../../models/run-memo.js";
import { hpaTarget } from "../../models/scale-target.js";

export { SCALABLE_KINDS, hpaTarget } from "../../models/scale-target.js";

const AUTOSCALERS_BY_TARGET = memoKey<Map<Resource, Resource[]>>("HPAs by target");

/**
 * Every HPA of the input by the workload its scaleTargetRef resolves to (hpaTarget: group and
 * kind together, the definition nearest the HPA), in input order, so a custom resource that
 * shares a built-in kind's name is never taken for the HPA's target. Built once per run and index.
 */
export function autoscalersByTarget(index: ResourceIndex, memo: Memo): ReadonlyMap<Resource, readonly Resource[]> {
  return memo(AUTOSCALERS_BY_TARGET, () => {
    const map = new Map<Resource, Resource[]>();
    for (const h of index.ofKind("HorizontalPodAutoscaler")) {
      const target = hpaTarget(h, index)?.resource;
      if (!target) continue;
      const list = map.get(target);
      if (list) list.push(h);
      else map.set(target, [h]);
    }
    return map;
  });
}
