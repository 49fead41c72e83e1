import { z } from 'zod';
import { SOCKET_EVENT_CONTRACTS } from '../../socket/socket-event-contracts';
import { SocketEvents, userRoom } from '../../socket/socket-events';
import { ErrorResponseSchema } from '../error.response';
import { API_ROUTES, type ApiRoute } from './api-routes';

type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input: `details` names each refused field and why',
  401: 'No valid bearer token',
  403: "Another user's data (only role `admin` may read any user)",
  404: 'Nothing recorded yet, or not visible to this token',
  409: 'The action conflicts with the current state',
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) without the per-schema `$schema` marker zod adds. */
function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

/** The named schemas of every response and socket event, each once, referring to one another by `$ref`. */
function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  const add = (name: string, schema: z.ZodType) => {
    if (!registry.has(schema)) registry.add(schema, { id: name });
  };
  add('ErrorResponse', ErrorResponseSchema);
  for (const route of API_ROUTES) add(route.response.name, route.response.schema);
  for (const event of Object.values(SOCKET_EVENT_CONTRACTS)) add(event.schemaName, event.schema);
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'output', unrepresentable: 'throw', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, strip(schema as JsonSchema)]));
}

/** Inline input schema (what a client sends: defaults make fields optional). */
const inputSchema = (schema: z.ZodType): JsonSchema => strip(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }) as JsonSchema);

function operation(route: ApiRoute): JsonSchema {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string', minLength: 1 } }));
  const query = route.query ? inputSchema(route.query) : null;
  const required = new Set((query?.['required'] as string[] | undefined) ?? []);
  const queryParams = Object.entries((query?.['properties'] as Record<string, JsonSchema> | undefined) ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema,
  }));
  const error = (status: number) => [String(status), { description: STATUS_TEXT[status], content: { 'application/json': { schema: ref('ErrorResponse') } } }];
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: [{ bearer: [] }],
    parameters: [...pathParams, ...queryParams],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: inputSchema(route.body.schema) } } } } : {}),
    responses: Object.fromEntries([
      [String(route.response.status), { description: route.summary, content: { 'application/json': { schema: ref(route.response.name) } } }],
      error(401),
      ...route.errors.map(error),
    ]),
  };
}

/**
 * The gateway's OpenAPI 3.1 document, generated from the contracts: the route table for HTTP, the zod schemas for
 * every body, and the Socket.IO events under `x-socket-io` (OpenAPI has no vocabulary for sockets).
 */
export function buildOpenApiDocument(version = '1.0.0'): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of API_ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'HyperDEX Risk gateway',
      version,
      description:
        'REST reads and alert actions for dashboards. Every route needs `Authorization: Bearer <jwt>`: a user reads and acts on their own data (`sub`), a token with `"role":"admin"` on any user. Live updates come over Socket.IO (see `x-socket-io`).',
    },
    tags: [
      { name: 'reads', description: 'What the sockets push, and its history' },
      { name: 'alerts', description: 'Alert history, actions, channels and deliveries' },
    ],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: componentSchemas(),
    },
    'x-socket-io': {
      path: '/socket.io',
      auth: 'Connect with `io(url, { auth: { token } })`, the same JWT as REST. A handshake without a valid token is refused with `unauthorized: <reason>`; a socket is disconnected when its token expires (reconnect with a fresh one).',
      rooms: `Each socket joins only its own user's room (\`${userRoom('<userId>')}\`) and receives that user's events, whichever gateway instance it is connected to. Clients send no events.`,
      events: Object.fromEntries(
        (Object.keys(SOCKET_EVENT_CONTRACTS) as Array<keyof typeof SOCKET_EVENT_CONTRACTS>).map((name) => [
          name,
          { direction: 'server-to-client', description: SOCKET_EVENT_CONTRACTS[name].description, payload: ref(SOCKET_EVENT_CONTRACTS[name].schemaName) },
        ]),
      ),
      eventNames: SocketEvents,
    },
  };
}
