/** The workload an HPA scales, looked up in the index (models/scale-target.ts). */
export { SCALABLE_KINDS, hpaTarget } from "../../models/scale-target.js";
