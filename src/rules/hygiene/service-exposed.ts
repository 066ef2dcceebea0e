import { reachedByAlbInstanceMode } from "../ingress/alb-target-type.js";
import { defineRule } from "../types.js";

/** Annotations that make a cloud load balancer internal (AWS, GKE, Azure, OCI, DigitalOcean...). */
const INTERNAL = [
  "service.beta.kubernetes.io/aws-load-balancer-internal",
  "service.beta.kubernetes.io/aws-load-balancer-scheme",
  "networking.gke.io/load-balancer-type",
  "cloud.google.com/load-balancer-type",
  "service.beta.kubernetes.io/azure-load-balancer-internal",
  "service.beta.kubernetes.io/oci-load-balancer-internal",
  "service.beta.kubernetes.io/openstack-internal-load-balancer",
];

export const rule = defineRule({
  id: "service-exposed",
  category: "hygiene",
  severity: "warning",
  presets: ["security"],
  crossResource: true,
  appliesTo: ["Service"],
  summary: "A Service of type NodePort, or a LoadBalancer that is neither internal nor limited by source ranges, exposes its pods outside the cluster.",
  explanation: `A NodePort Service opens its port on every node of the cluster, on every node address, for
anyone who can reach a node: past the Ingress controller and whatever TLS, authentication and
rate limits it applies. A LoadBalancer Service asks the cloud for a load balancer, which by
default gets a public address: an admin UI or a database meant for the cluster is on the
internet as soon as it is applied. kube-linter (exposed-services) and kube-score (service-type)
report it. A LoadBalancer with an internal-load-balancer annotation of the major clouds, or with
loadBalancerSourceRanges (written, even 0.0.0.0/0, as a deliberate choice), is not reported.
Nor is a NodePort Service that an Ingress of the AWS Load Balancer Controller reaches in instance
mode, its default target type (class "alb", or an IngressClass of controller ingress.k8s.aws/alb;
target type from the class's IngressClassParams, else alb.ingress.kubernetes.io/target-type on the
Service, else on the Ingress): the ALB sends traffic to the node port, so the Service must have
one, and the rules the controller adds to the nodes' security groups admit only the ALB.`,
  fix: "Use type ClusterIP behind an Ingress or Gateway; for a LoadBalancer that must exist, make it internal or set loadBalancerSourceRanges.",
  preventsStatus: [],
  check({ resource, index, report }) {
    const type = resource.get(["spec", "type"]);
    if (type === "NodePort") {
      if (reachedByAlbInstanceMode(index, resource)) return;
      report({ path: ["spec", "type"], message: `Service "${resource.name}" opens its ports on every node of the cluster`, hint: "use type ClusterIP behind an Ingress or Gateway" });
      return;
    }
    if (type !== "LoadBalancer" || resource.get(["spec", "loadBalancerSourceRanges"]) !== undefined) return;
    if (INTERNAL.some((a) => resource.annotations[a] !== undefined)) return;
    report({
      path: ["spec", "type"],
      message: `Service "${resource.name}" gets a load balancer that clouds make public by default`,
      hint: "set loadBalancerSourceRanges or an internal load balancer annotation, or use type ClusterIP",
    });
  },
});
