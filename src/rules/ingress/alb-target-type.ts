/**
 * How the AWS Load Balancer Controller's ALBs reach the Services of their Ingresses. An Ingress
 * is the controller's when its class (spec.ingressClassName, else the deprecated
 * kubernetes.io/ingress.class annotation, else the input's default IngressClass) is an
 * IngressClass of the input whose spec.controller is the controller's, or, when the input has no
 * IngressClass of that name, is "alb" (the controller's --ingress-class default; pkg/ingress
 * class_loader.go and class_annotation_matcher.go). Each backend Service gets a target group of
 * one target type (pkg/ingress/model_build_target_group.go buildTargetGroupTargetType): the
 * targetType of the class's IngressClassParams when set, else the annotation
 * alb.ingress.kubernetes.io/target-type of the Service, else of the Ingress (the Service's
 * annotations take priority: MergeStringMap(svc.Annotations, ing.Annotations)), else "instance".
 * In instance mode the ALB registers the nodes and sends traffic to the Service's node port
 * (buildTargetGroupPort uses svcPort.NodePort), so the Service must be NodePort or LoadBalancer;
 * in ip mode it registers the pods.
 */
import { ingressServiceBackends } from "../../models/ingress.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { USE_ANNOTATION } from "./alb-actions.js";

/** spec.controller of the IngressClasses the controller serves (open source, and EKS Auto Mode's). */
const ALB_CONTROLLERS = new Set(["ingress.k8s.aws/alb", "eks.amazonaws.com/alb"]);
/** The class name the controller serves without an IngressClass object. */
const ALB_CLASS = "alb";
const CLASS_ANNOTATION = "kubernetes.io/ingress.class";
const DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";
const TARGET_TYPE_ANNOTATION = "alb.ingress.kubernetes.io/target-type";
const PARAMS_GROUP = "elbv2.k8s.aws";

const INSTANCE_MODE = memoKey<Set<Resource>>("Services an ALB reaches in instance mode");

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The class an Ingress gives: its name, whether the deprecated annotation gives it, and the IngressClass of the input it names. */
function classOf(index: ResourceIndex, ingress: Resource, defaultClass: Resource | undefined): { name?: string; byAnnotation: boolean; ingressClass?: Resource } {
  const field = text(ingress.get(["spec", "ingressClassName"]));
  if (field) return { name: field, byAnnotation: false, ingressClass: index.find("IngressClass", "", field, ingress) };
  const annotated = text(ingress.annotations[CLASS_ANNOTATION]);
  // The annotation names a class to the controller's own matcher, not an IngressClass object.
  if (annotated) return { name: annotated, byAnnotation: true };
  return { name: defaultClass?.name, byAnnotation: false, ingressClass: defaultClass };
}

/** The targetType the IngressClassParams of an IngressClass sets, if any. */
function paramsTargetType(index: ResourceIndex, ingressClass: Resource): string | undefined {
  const ref = ingressClass.get(["spec", "parameters"]) as Record<string, unknown> | undefined;
  if (!ref || typeof ref !== "object" || ref.kind !== "IngressClassParams" || ref.apiGroup !== PARAMS_GROUP) return undefined;
  const params = index.ofKind(`IngressClassParams.${PARAMS_GROUP}`).find((p) => p.name === ref.name);
  return text(params?.get(["spec", "targetType"]));
}

/** Whether the controller serves an Ingress of this class, and the target type the class's IngressClassParams set. */
function albClass(index: ResourceIndex, { name, byAnnotation, ingressClass }: ReturnType<typeof classOf>): { alb: boolean; paramsType?: string } {
  if (byAnnotation || !ingressClass) return { alb: name === ALB_CLASS };
  if (!ALB_CONTROLLERS.has(String(ingressClass.get(["spec", "controller"])))) return { alb: false };
  return { alb: true, paramsType: paramsTargetType(index, ingressClass) };
}

function instanceModeServices(index: ResourceIndex): Set<Resource> {
  const out = new Set<Resource>();
  const defaultClass = index.ofKind("IngressClass").find((c) => c.annotations[DEFAULT_CLASS_ANNOTATION] === "true");
  for (const ingress of index.ofKind("Ingress")) {
    const backends = ingressServiceBackends(ingress);
    if (!backends.length) continue;
    const { alb, paramsType } = albClass(index, classOf(index, ingress, defaultClass));
    if (!alb) continue;
    for (const backend of backends) {
      // An action backend forwards where its annotation says; the controller never looks this Service up.
      if (backend.port && "name" in backend.port && backend.port.name === USE_ANNOTATION) continue;
      const service = index.find("Service", ingress.namespace, backend.name, ingress);
      if (!service) continue;
      const type = paramsType ?? text(service.annotations[TARGET_TYPE_ANNOTATION]) ?? text(ingress.annotations[TARGET_TYPE_ANNOTATION]) ?? "instance";
      if (type === "instance") out.add(service);
    }
  }
  return out;
}

/** Whether an ALB of the AWS Load Balancer Controller sends traffic to this Service's node ports (instance mode). */
export function reachedByAlbInstanceMode(index: ResourceIndex, service: Resource): boolean {
  return index.memo.get(INSTANCE_MODE, () => instanceModeServices(index)).has(service);
}
