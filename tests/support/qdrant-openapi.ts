import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import ts from "typescript";

/**
 * Qdrant's REST schema as JSON Schema, for checking request bodies in tests.
 *
 * Where it comes from: `@qdrant/js-client-rest` does not ship Qdrant's `openapi.json`,
 * but it ships `dist/types/openapi/generated_schema.d.ts`, which openapi-typescript
 * generated from that document (the package's `openapi_schema_remote`) for the same
 * client version. This module parses that file with the TypeScript compiler and turns
 * every `components.schemas` entry, and each operation's request body and `result`,
 * back into JSON Schema: objects, optional and required properties, unions (`anyOf`),
 * `oneOf`, enums, arrays, maps, `$ref`s, and the integer formats noted in the JSDoc
 * (`Format: uint64` and the like become non-negative integers).
 *
 * It is stricter than the server in one way, on purpose: objects with declared
 * properties reject unknown ones, so a misspelt field in the adapter fails the test
 * instead of being silently ignored. Item formats of arrays (`indices: uint32[]`) are not
 * in the generated types; the fake server checks sparse indices itself.
 */

export type JsonSchema = Record<string, unknown>;

export interface QdrantOperation {
  operationId: string;
  method: string;
  /** Path template such as `/collections/{collection_name}/points`. */
  path: string;
  /** JSON Schema of the `application/json` body, when the operation takes one. */
  requestBody?: JsonSchema;
  /** JSON Schema of `result` in the 200 answer, when there is one. */
  result?: JsonSchema;
}

export interface QdrantOpenApi {
  /** Version of the client package whose generated types were read. */
  clientVersion: string;
  definitions: Record<string, JsonSchema>;
  operations: QdrantOperation[];
  /** The operation for a request, with its path parameters; undefined when none matches. */
  match(
    method: string,
    pathname: string,
  ): { operation: QdrantOperation; params: Record<string, string> } | undefined;
}

const SCHEMA_ID = "qdrant";

function clientPackageDir(): string {
  const require = createRequire(import.meta.url);
  // The package exports only ".": resolve its entry point and walk up to the root.
  let dir = dirname(require.resolve("@qdrant/js-client-rest"));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string };
      if (pkg.name === "@qdrant/js-client-rest") return dir;
    } catch {
      // not the root yet
    }
    dir = dirname(dir);
  }
  throw new Error("cannot locate the @qdrant/js-client-rest package root");
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  throw new Error(`unsupported property name kind ${ts.SyntaxKind[name.kind]}`);
}

function member(node: ts.TypeLiteralNode | ts.InterfaceDeclaration, name: string): ts.PropertySignature {
  for (const m of node.members) {
    if (ts.isPropertySignature(m) && propertyName(m.name) === name) return m;
  }
  throw new Error(`member ${name} not found`);
}

function literalMember(node: ts.TypeNode | undefined, name: string): ts.PropertySignature | undefined {
  if (!node || !ts.isTypeLiteralNode(node)) return undefined;
  return node.members.find(
    (m): m is ts.PropertySignature => ts.isPropertySignature(m) && propertyName(m.name) === name,
  );
}

function jsDocFormat(node: ts.Node): string | undefined {
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    const comment = ts.isJSDoc(doc) ? ts.getTextOfJSDocComment(doc.comment) : undefined;
    const found = comment?.match(/Format: ([a-z0-9-]+)/);
    if (found) return found[1];
  }
  return undefined;
}

const INTEGER_FORMATS = /^u?int(8|16|32|64)?$/;

/** Applies an integer format to the number branches of a converted schema. */
function withFormat(schema: JsonSchema, format: string | undefined): JsonSchema {
  if (!format || !INTEGER_FORMATS.test(format)) return schema;
  const unsigned = format.startsWith("u");
  const apply = (s: JsonSchema): JsonSchema =>
    s.type === "number" ? { type: "integer", ...(unsigned ? { minimum: 0 } : {}) } : s;
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: (schema.anyOf as JsonSchema[]).map(apply) };
  return apply(schema);
}

function isRecordOf(node: ts.TypeNode, valueKind: ts.SyntaxKind): boolean {
  return (
    ts.isTypeReferenceNode(node) &&
    ts.isIdentifier(node.typeName) &&
    node.typeName.text === "Record" &&
    node.typeArguments?.length === 2 &&
    node.typeArguments[1]!.kind === valueKind
  );
}

/** openapi-typescript renders `anyOf: [X, {nullable: true}]` as `X | (Record<string, unknown> | null)`. */
function isNullableArtifact(node: ts.TypeNode): boolean {
  if (!ts.isParenthesizedTypeNode(node) || !ts.isUnionTypeNode(node.type)) return false;
  const [a, b, ...rest] = node.type.types;
  return (
    rest.length === 0 &&
    a !== undefined &&
    b !== undefined &&
    isRecordOf(a, ts.SyntaxKind.UnknownKeyword) &&
    ts.isLiteralTypeNode(b) &&
    b.literal.kind === ts.SyntaxKind.NullKeyword
  );
}

function convert(node: ts.TypeNode): JsonSchema {
  if (isNullableArtifact(node)) return { type: "null" };
  if (ts.isParenthesizedTypeNode(node)) return convert(node.type);
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: "string" };
    case ts.SyntaxKind.NumberKeyword:
      return { type: "number" };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: "boolean" };
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.AnyKeyword:
      return {};
    case ts.SyntaxKind.NeverKeyword:
      return { not: {} };
  }
  if (ts.isLiteralTypeNode(node)) {
    const lit = node.literal;
    if (lit.kind === ts.SyntaxKind.NullKeyword) return { type: "null" };
    if (lit.kind === ts.SyntaxKind.TrueKeyword) return { const: true };
    if (lit.kind === ts.SyntaxKind.FalseKeyword) return { const: false };
    if (ts.isStringLiteral(lit)) return { const: lit.text };
    if (ts.isNumericLiteral(lit)) return { const: Number(lit.text) };
    if (ts.isPrefixUnaryExpression(lit) && ts.isNumericLiteral(lit.operand)) {
      return { const: -Number(lit.operand.text) };
    }
  }
  if (ts.isArrayTypeNode(node)) return { type: "array", items: convert(node.elementType) };
  if (ts.isTupleTypeNode(node)) {
    const items = node.elements.map((e) => convert(ts.isNamedTupleMember(e) ? e.type : e));
    return { type: "array", prefixItems: items, minItems: items.length, maxItems: items.length };
  }
  if (ts.isIndexedAccessTypeNode(node)) {
    // components["schemas"]["Name"]
    const index = node.indexType;
    if (ts.isLiteralTypeNode(index) && ts.isStringLiteral(index.literal)) {
      return { $ref: `${SCHEMA_ID}#/definitions/${index.literal.text}` };
    }
  }
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword).map((t) => convert(t));
    if (parts.length === 1) return parts[0]!;
    if (parts.every((p) => "const" in p && Object.keys(p).length === 1)) {
      return { enum: parts.map((p) => p.const) };
    }
    return { anyOf: parts };
  }
  if (ts.isIntersectionTypeNode(node)) return { allOf: node.types.map((t) => convert(t)) };
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const name = node.typeName.text;
    if (name === "Record") {
      if (isRecordOf(node, ts.SyntaxKind.NeverKeyword)) return { type: "object", maxProperties: 0 };
      return { type: "object", additionalProperties: convert(node.typeArguments![1]!) };
    }
    if (name === "OneOf") {
      const tuple = node.typeArguments?.[0];
      if (tuple && ts.isTupleTypeNode(tuple)) return { oneOf: tuple.elements.map((e) => convert(e)) };
    }
  }
  if (ts.isTypeLiteralNode(node)) {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    let additional: JsonSchema | false = false;
    for (const m of node.members) {
      if (ts.isPropertySignature(m) && m.type) {
        const name = propertyName(m.name);
        properties[name] = withFormat(convert(m.type), jsDocFormat(m));
        if (!m.questionToken) required.push(name);
      } else if (ts.isIndexSignatureDeclaration(m)) {
        additional = convert(m.type);
      } else {
        throw new Error(`unsupported member kind ${ts.SyntaxKind[m.kind]}`);
      }
    }
    return {
      type: "object",
      properties,
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: additional,
    };
  }
  throw new Error(`unsupported type node ${ts.SyntaxKind[node.kind]}: ${node.getText()}`);
}

function templateRegex(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { regex: new RegExp(`^${source}$`), names };
}

let cached: QdrantOpenApi | null = null;

/** Reads the client's generated types once and converts them (about a second). */
export function loadQdrantOpenApi(): QdrantOpenApi {
  if (cached) return cached;
  const root = clientPackageDir();
  const clientVersion = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string })
    .version;
  const file = join(root, "dist/types/openapi/generated_schema.d.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);

  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
  }
  const components = interfaces.get("components");
  const operationsDecl = interfaces.get("operations");
  const pathsDecl = interfaces.get("paths");
  if (!components || !operationsDecl || !pathsDecl) throw new Error("unexpected generated schema layout");

  const definitions: Record<string, JsonSchema> = {};
  const schemas = member(components, "schemas").type;
  if (!schemas || !ts.isTypeLiteralNode(schemas)) throw new Error("components.schemas is not a type literal");
  for (const m of schemas.members) {
    if (!ts.isPropertySignature(m) || !m.type) continue;
    definitions[propertyName(m.name)] = withFormat(convert(m.type), jsDocFormat(m));
  }

  const operations: QdrantOperation[] = [];
  const routes: Array<{ operation: QdrantOperation; regex: RegExp; names: string[] }> = [];
  for (const p of pathsDecl.members) {
    if (!ts.isPropertySignature(p) || !p.type || !ts.isTypeLiteralNode(p.type)) continue;
    const path = propertyName(p.name);
    for (const verb of p.type.members) {
      if (!ts.isPropertySignature(verb) || !verb.type || !ts.isIndexedAccessTypeNode(verb.type)) continue;
      const index = verb.type.indexType;
      if (!ts.isLiteralTypeNode(index) || !ts.isStringLiteral(index.literal)) continue;
      const operationId = index.literal.text;
      const op = member(operationsDecl, operationId).type;
      const body = literalMember(
        literalMember(literalMember(op, "requestBody")?.type, "content")?.type,
        "application/json",
      );
      const ok = literalMember(literalMember(literalMember(op, "responses")?.type, "200")?.type, "content");
      const result = literalMember(literalMember(ok?.type, "application/json")?.type, "result");
      const operation: QdrantOperation = {
        operationId,
        method: propertyName(verb.name).toUpperCase(),
        path,
        requestBody: body?.type ? convert(body.type) : undefined,
        result: result?.type ? convert(result.type) : undefined,
      };
      operations.push(operation);
      routes.push({ operation, ...templateRegex(path) });
    }
  }
  // Literal paths ("/collections/aliases") win over templates ("/collections/{collection_name}").
  routes.sort((a, b) => a.names.length - b.names.length);

  cached = {
    clientVersion,
    definitions,
    operations,
    match(method, pathname) {
      for (const route of routes) {
        if (route.operation.method !== method.toUpperCase()) continue;
        const found = route.regex.exec(pathname);
        if (!found) continue;
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => {
          params[name] = decodeURIComponent(found[i + 1]!);
        });
        return { operation: route.operation, params };
      }
      return undefined;
    },
  };
  return cached;
}

export interface QdrantSchemaValidator {
  readonly api: QdrantOpenApi;
  /** Errors of a request body for an operation; empty when valid. */
  checkRequest(operationId: string, body: unknown): ErrorObject[];
  /** Errors of a `result` value for an operation's 200 answer; empty when valid. */
  checkResult(operationId: string, result: unknown): ErrorObject[];
  /** Errors of a value against one named definition ("Filter", "PointStruct", ...). */
  checkDefinition(name: string, value: unknown): ErrorObject[];
}

/** Compiles validators lazily, per operation, over the converted definitions. */
export function createQdrantSchemaValidator(): QdrantSchemaValidator {
  const api = loadQdrantOpenApi();
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema({ $id: SCHEMA_ID, definitions: api.definitions });
  const compiled = new Map<string, ValidateFunction>();
  const byId = new Map(api.operations.map((op) => [op.operationId, op]));

  function validator(key: string, schema: () => JsonSchema | undefined): ValidateFunction | undefined {
    const found = compiled.get(key);
    if (found) return found;
    const s = schema();
    if (!s) return undefined;
    const fn = ajv.compile(s);
    compiled.set(key, fn);
    return fn;
  }

  function run(fn: ValidateFunction | undefined, value: unknown, missing: string): ErrorObject[] {
    if (!fn) {
      return [{ instancePath: "", schemaPath: "", keyword: "missing", params: {}, message: missing }];
    }
    return fn(value) ? [] : [...(fn.errors ?? [])];
  }

  return {
    api,
    checkRequest(operationId, body) {
      const fn = validator(`req:${operationId}`, () => byId.get(operationId)?.requestBody);
      return run(fn, body, `operation ${operationId} takes no JSON body`);
    },
    checkResult(operationId, result) {
      const fn = validator(`res:${operationId}`, () => byId.get(operationId)?.result);
      return run(fn, result, `operation ${operationId} has no result schema`);
    },
    checkDefinition(name, value) {
      const fn = validator(`def:${name}`, () =>
        name in api.definitions ? { $ref: `${SCHEMA_ID}#/definitions/${name}` } : undefined,
      );
      return run(fn, value, `no definition ${name}`);
    },
  };
}
