import { z } from 'zod';

/**
 * Strimzi and CloudNativePG publish their CRD schemas only with the operators (Helm charts, YAML bundles); no npm
 * package ships them, and the tests run offline. These are the shapes of the fields this repository sets, from the
 * operators' API references (Strimzi 0.45 kafka.strimzi.io/v1beta2, CloudNativePG 1.25 postgresql.cnpg.io/v1).
 * Strict where we write fields, so a misspelt key fails here rather than at `kubectl apply`.
 */
const quantity = z.union([z.string().regex(/^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti)?$/), z.number().positive()]);
const resources = z.strictObject({
  requests: z.strictObject({ cpu: quantity.optional(), memory: quantity.optional() }).optional(),
  limits: z.strictObject({ cpu: quantity.optional(), memory: quantity.optional() }).optional(),
});
const metadata = z.looseObject({ name: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/).max(253), namespace: z.string() });
const labelSelector = z.looseObject({});

const kafka = z.strictObject({
  apiVersion: z.literal('kafka.strimzi.io/v1beta2'),
  kind: z.literal('Kafka'),
  metadata,
  spec: z.strictObject({
    kafka: z.strictObject({
      version: z.string().regex(/^\d+\.\d+\.\d+$/),
      metadataVersion: z.string().optional(),
      listeners: z
        .array(
          z.strictObject({
            name: z.string().regex(/^[a-z0-9]{1,11}$/),
            port: z.number().int().min(9092),
            type: z.enum(['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip']),
            tls: z.boolean(),
            networkPolicyPeers: z.array(z.strictObject({ podSelector: labelSelector.optional(), namespaceSelector: labelSelector.optional() })).optional(),
          }),
        )
        .min(1),
      config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    }),
    entityOperator: z.strictObject({ topicOperator: z.strictObject({ resources: resources.optional() }).optional() }).optional(),
  }),
});

const kafkaNodePool = z.strictObject({
  apiVersion: z.literal('kafka.strimzi.io/v1beta2'),
  kind: z.literal('KafkaNodePool'),
  metadata: metadata.extend({ labels: z.looseObject({ 'strimzi.io/cluster': z.string() }) }),
  spec: z.strictObject({
    replicas: z.number().int().min(1),
    roles: z.array(z.enum(['controller', 'broker'])).min(1),
    storage: z.strictObject({
      type: z.enum(['jbod', 'persistent-claim', 'ephemeral']),
      volumes: z
        .array(
          z.strictObject({
            id: z.number().int().min(0),
            type: z.enum(['persistent-claim', 'ephemeral']),
            size: quantity,
            deleteClaim: z.boolean().optional(),
            kraftMetadata: z.literal('shared').optional(),
          }),
        )
        .optional(),
    }),
    resources: resources.optional(),
  }),
});

const kafkaTopic = z.strictObject({
  apiVersion: z.literal('kafka.strimzi.io/v1beta2'),
  kind: z.literal('KafkaTopic'),
  metadata: metadata.extend({ labels: z.looseObject({ 'strimzi.io/cluster': z.string() }) }),
  spec: z.strictObject({
    topicName: z.string().regex(/^[a-zA-Z0-9._-]{1,249}$/),
    partitions: z.number().int().min(1),
    replicas: z.number().int().min(1).optional(),
    config: z.record(z.string(), z.string()),
  }),
});

const cnpgCluster = z.strictObject({
  apiVersion: z.literal('postgresql.cnpg.io/v1'),
  kind: z.literal('Cluster'),
  metadata,
  spec: z.strictObject({
    instances: z.number().int().min(1),
    imageName: z.string().regex(/:[\w.-]+$/),
    primaryUpdateStrategy: z.enum(['unsupervised', 'supervised']).optional(),
    bootstrap: z.strictObject({
      initdb: z.strictObject({ database: z.string(), owner: z.string(), secret: z.strictObject({ name: z.string() }) }),
    }),
    postgresql: z.strictObject({ parameters: z.record(z.string(), z.string()) }).optional(),
    storage: z.strictObject({ size: quantity, storageClass: z.string().optional() }),
    resources: resources.optional(),
    monitoring: z.strictObject({ enablePodMonitor: z.boolean() }).optional(),
  }),
});

/** The shapes by `apiVersion kind`. */
export const OPERATOR_SHAPES: Readonly<Record<string, z.ZodType>> = {
  'kafka.strimzi.io/v1beta2 Kafka': kafka,
  'kafka.strimzi.io/v1beta2 KafkaNodePool': kafkaNodePool,
  'kafka.strimzi.io/v1beta2 KafkaTopic': kafkaTopic,
  'postgresql.cnpg.io/v1 Cluster': cnpgCluster,
};
