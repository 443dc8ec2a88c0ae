// The TypeScript protocol module must match the C# contract. The C# build writes the contract as
// docs/protocol.schema.json (ProtocolSchema.ExportText()); this test reads src/protocol/types.ts with the
// TypeScript compiler and compares, for every method: its presence, direction and kind, every params/result
// property (recursively), each property's required-ness and coarse type, enum values, and the error codes,
// event types, IDE ids and protocol version.
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { AllIdes, ErrorCodes, EventTypes, MethodCatalog, ProtocolVersion } from "../../src/protocol";

const repoRoot = path.resolve(__dirname, "../../../..");
// GITSPACES_PROTOCOL_SCHEMA points at another export (e.g. one just written by the C# build) instead.
const schemaPath = process.env.GITSPACES_PROTOCOL_SCHEMA ?? path.join(repoRoot, "docs", "protocol.schema.json");
const typesPath = path.resolve(__dirname, "../../src/protocol/types.ts");

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema | boolean>;
  required?: string[];
  items?: JsonSchema | boolean;
  enum?: (string | null)[];
  additionalProperties?: JsonSchema | boolean;
}

interface ProtocolDocument {
  protocolVersion: string;
  methods: Record<string, { direction: string; notification: boolean; params: JsonSchema; result?: JsonSchema }>;
  errorCodes: Record<string, number>;
  eventTypes: string[];
  ides: string[];
}

function loadSchema(): ProtocolDocument {
  if (!fs.existsSync(schemaPath)) {
    throw new Error(`${schemaPath} is missing: the C# build writes it from ProtocolSchema.ExportText(); the drift check cannot run without it.`);
  }
  return JSON.parse(fs.readFileSync(schemaPath, "utf8")) as ProtocolDocument;
}

// ---- the TypeScript side, as a comparable shape ---------------------------------------------------------------

type Shape =
  | { kind: "string" | "number" | "boolean" | "any" | "token" }
  | { kind: "enum"; values: string[] }
  | { kind: "array"; items: Shape }
  | { kind: "object"; properties: Record<string, { optional: boolean; shape: Shape }> };

const program = ts.createProgram([typesPath], { strict: true, target: ts.ScriptTarget.ES2022 });
const checker = program.getTypeChecker();
const sourceFile = program.getSourceFile(typesPath)!;

function interfaceType(name: string): ts.Type {
  let found: ts.Type | undefined;
  ts.forEachChild(sourceFile, (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name) {
      found = checker.getTypeAtLocation(node);
    }
  });
  if (!found) {
    throw new Error(`interface ${name} not found in types.ts`);
  }
  return found;
}

function shapeOf(type: ts.Type, where: string): Shape {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { kind: "any" };
  const t = checker.getNonNullableType(type);
  if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { kind: "any" };
  if (t.flags & ts.TypeFlags.String) return { kind: "string" };
  if (t.flags & ts.TypeFlags.Number) return { kind: "number" };
  if (t.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { kind: "boolean" };
  if (t.isUnion()) {
    const parts = t.types;
    if (parts.every((p) => p.isStringLiteral())) {
      return { kind: "enum", values: parts.map((p) => (p as ts.StringLiteralType).value) };
    }
    if (parts.every((p) => p.flags & ts.TypeFlags.BooleanLiteral)) return { kind: "boolean" };
    const kinds = new Set(parts.map((p) => (p.flags & ts.TypeFlags.String ? "string" : p.flags & ts.TypeFlags.Number ? "number" : "other")));
    if (kinds.size === 2 && kinds.has("string") && kinds.has("number")) return { kind: "token" };
    throw new Error(`${where}: unsupported union ${checker.typeToString(t)}`);
  }
  if (checker.isArrayType(t)) {
    return { kind: "array", items: shapeOf(checker.getTypeArguments(t as ts.TypeReference)[0], `${where}[]`) };
  }
  if (t.flags & ts.TypeFlags.Object) {
    const properties: Record<string, { optional: boolean; shape: Shape }> = {};
    for (const symbol of checker.getPropertiesOfType(t)) {
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      const propType = declaration ? checker.getTypeOfSymbolAtLocation(symbol, declaration) : checker.getDeclaredTypeOfSymbol(symbol);
      properties[symbol.name] = {
        optional: (symbol.flags & ts.SymbolFlags.Optional) !== 0,
        shape: shapeOf(propType, `${where}.${symbol.name}`),
      };
    }
    return { kind: "object", properties };
  }
  throw new Error(`${where}: unsupported type ${checker.typeToString(t)}`);
}

/** The params/result shapes of one method, from RequestTypes or NotificationTypes. */
function methodShapes(method: string): { params: Shape; result?: Shape } {
  for (const table of ["RequestTypes", "NotificationTypes"]) {
    const entry = checker.getPropertyOfType(interfaceType(table), method);
    if (entry) {
      const entryType = checker.getTypeOfSymbolAtLocation(entry, entry.valueDeclaration!);
      const params = checker.getPropertyOfType(entryType, "params")!;
      const result = checker.getPropertyOfType(entryType, "result");
      return {
        params: shapeOf(checker.getTypeOfSymbolAtLocation(params, params.valueDeclaration!), `${method}.params`),
        result: result ? shapeOf(checker.getTypeOfSymbolAtLocation(result, result.valueDeclaration!), `${method}.result`) : undefined,
      };
    }
  }
  throw new Error(`${method} is in neither RequestTypes nor NotificationTypes`);
}

// ---- comparison ----------------------------------------------------------------------------------------------

function schemaTypes(schema: JsonSchema): string[] {
  const t = schema.type;
  return (Array.isArray(t) ? t : t ? [t] : []).filter((x) => x !== "null");
}

/** Lists every difference between a JSON schema and a TS shape, as readable paths. */
function compare(schema: JsonSchema | boolean, shape: Shape, where: string, problems: string[]): void {
  if (schema === true || (typeof schema === "object" && Object.keys(schema).length === 0)) {
    if (shape.kind !== "any" && shape.kind !== "token") {
      problems.push(`${where}: C# takes any JSON (JsonElement), TS has ${shape.kind}`);
    }
    return;
  }
  if (schema === false) {
    problems.push(`${where}: schema is false`);
    return;
  }
  if (schema.enum) {
    const values = schema.enum.filter((v): v is string => v !== null).sort();
    if (shape.kind !== "enum") {
      problems.push(`${where}: C# is an enum of ${values.join("|")}, TS has ${shape.kind}`);
    } else if (JSON.stringify([...shape.values].sort()) !== JSON.stringify(values)) {
      problems.push(`${where}: enum values differ: C# ${values.join("|")}, TS ${[...shape.values].sort().join("|")}`);
    }
    return;
  }
  const [type] = schemaTypes(schema);
  switch (type) {
    case "string":
      if (shape.kind !== "string" && shape.kind !== "enum") problems.push(`${where}: C# string, TS ${shape.kind}`);
      return;
    case "integer":
    case "number":
      if (shape.kind !== "number") problems.push(`${where}: C# ${type}, TS ${shape.kind}`);
      return;
    case "boolean":
      if (shape.kind !== "boolean") problems.push(`${where}: C# boolean, TS ${shape.kind}`);
      return;
    case "array":
      if (shape.kind !== "array") {
        problems.push(`${where}: C# array, TS ${shape.kind}`);
        return;
      }
      compare(schema.items ?? true, shape.items, `${where}[]`, problems);
      return;
    case "object": {
      if (shape.kind !== "object") {
        problems.push(`${where}: C# object, TS ${shape.kind}`);
        return;
      }
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      for (const name of Object.keys(properties)) {
        if (!(name in shape.properties)) problems.push(`${where}.${name}: missing in TS`);
      }
      for (const name of Object.keys(shape.properties)) {
        if (!(name in properties)) problems.push(`${where}.${name}: not in the C# contract`);
      }
      for (const [name, prop] of Object.entries(properties)) {
        const ours = shape.properties[name];
        if (!ours) continue;
        if (required.has(name) === ours.optional) {
          problems.push(`${where}.${name}: ${required.has(name) ? "required in C#, optional in TS" : "optional in C#, required in TS"}`);
        }
        compare(prop, ours.shape, `${where}.${name}`, problems);
      }
      return;
    }
    default:
      problems.push(`${where}: unhandled schema ${JSON.stringify(schema).slice(0, 80)}`);
  }
}

// ---- the tests -----------------------------------------------------------------------------------------------

describe("protocol drift: src/protocol vs docs/protocol.schema.json", () => {
  it("has the same methods, with the same direction and kind", () => {
    const schema = loadSchema();
    const ours = Object.fromEntries(Object.entries(MethodCatalog).map(([name, info]) => [name, { direction: info.direction, notification: info.notification }]));
    const theirs = Object.fromEntries(Object.entries(schema.methods).map(([name, m]) => [name, { direction: m.direction, notification: m.notification }]));
    expect(ours).toEqual(theirs);
  });

  it("has the same params and result records, property by property", () => {
    const schema = loadSchema();
    const problems: string[] = [];
    for (const [method, entry] of Object.entries(schema.methods)) {
      const shapes = methodShapes(method);
      compare(entry.params, shapes.params, `${method} params`, problems);
      if (entry.result) {
        if (!shapes.result) {
          problems.push(`${method}: C# has a result, TS has none`);
        } else {
          compare(entry.result, shapes.result, `${method} result`, problems);
        }
      } else if (shapes.result) {
        problems.push(`${method}: TS has a result, C# has none`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has the same error codes", () => {
    expect(ErrorCodes).toEqual(loadSchema().errorCodes);
  });

  it("has the same event types, IDE ids and protocol version", () => {
    const schema = loadSchema();
    expect([...EventTypes]).toEqual(schema.eventTypes);
    expect([...AllIdes]).toEqual(schema.ides);
    expect(ProtocolVersion).toBe(schema.protocolVersion);
  });

  it("notices a difference (self-check of the comparison)", () => {
    const problems: string[] = [];
    compare(
      { type: "object", properties: { id: { type: "string" }, extra: { type: "integer" }, state: { enum: ["a", "b"] } }, required: ["id", "extra"] },
      {
        kind: "object",
        properties: {
          id: { optional: true, shape: { kind: "string" } },
          state: { optional: true, shape: { kind: "enum", values: ["a"] } },
          mine: { optional: true, shape: { kind: "boolean" } },
        },
      },
      "X",
      problems,
    );
    expect(problems).toEqual([
      "X.extra: missing in TS",
      "X.mine: not in the C# contract",
      "X.id: required in C#, optional in TS",
      "X.state: enum values differ: C# a|b, TS a",
    ]);
  });
});
