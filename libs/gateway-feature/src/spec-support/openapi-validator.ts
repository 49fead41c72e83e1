// Spec helper: validates real answers against the served OpenAPI document with a JSON Schema 2020-12 validator,
// independent of the zod schemas the document was generated from.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface DocumentedOperation {
  responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
}

export class OpenApiValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });

  constructor(private readonly document: { paths: Record<string, Record<string, DocumentedOperation>> }) {
    addFormats(this.ajv);
    this.ajv.addSchema({ ...document, $id: 'openapi.json' });
  }

  /** Errors of `body` against the documented answer of `method path` with `status`; throws when undocumented. */
  errors(method: string, path: string, status: number, body: unknown): string[] {
    const operation = this.document.paths[path]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
    const ref = operation.responses[String(status)]?.content?.['application/json']?.schema.$ref;
    if (!ref) throw new Error(`${method.toUpperCase()} ${path} does not document status ${status}`);
    const validate = this.ajv.getSchema(`openapi.json${ref}`);
    if (!validate) throw new Error(`no schema at ${ref}`);
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  }
}
