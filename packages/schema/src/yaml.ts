import { Document, LineCounter, type Node, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type { District } from "./district.js";
import { type ParseResult, parseDistrict } from "./parse-district.js";
import { type PathSegment, parsePath } from "./path.js";
import type { Issue } from "./result.js";
import type { ParseOptions } from "./semantic-checks.js";

export interface YamlParseOptions extends ParseOptions {
  /** Shown in syntax-error messages. */
  fileName?: string;
}

/** Source range of the node at `path` (a missing key resolves to the nearest existing parent; key problems point at the key). */
function locate(doc: Document, segments: readonly PathSegment[], preferKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (doc.contents as Node | null)?.range?.[0];
  for (const [i, seg] of segments.entries()) {
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
      );
      if (pair === undefined) return offset;
      const keyNode = pair.key as Node;
      const valueNode = pair.value as Node | null;
      if (last && (preferKey || valueNode === null)) return keyNode.range?.[0] ?? offset;
      offset = valueNode?.range?.[0] ?? keyNode.range?.[0] ?? offset;
      node = valueNode;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (item === undefined) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else return offset;
  }
  return offset;
}

const KEY_CODES = new Set(["unknown-key", "missing-key"]);

/**
 * Parses and validates a district written in YAML (or JSON, a subset). Every issue carries the line and
 * column (1-based) of the offending node; YAML syntax errors come back as `yaml-syntax` issues. Never throws.
 */
export function parseDistrictYaml(text: string, options: YamlParseOptions = {}): ParseResult<District> {
  // Fast path for JSON text (the yaml parser costs ~10-20 us per scalar, i.e. seconds for long inline
  // hourly series): validate the JSON value, and parse as YAML only to place issues, if there are any.
  if (/^\s*\{/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (json !== undefined) {
      const quick = parseDistrict(json, options);
      if (quick.ok && (quick.warnings ?? []).length === 0) return quick;
    }
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, merge: true, prettyErrors: false });
  } catch (e) {
    return { ok: false, issues: [{ code: "yaml-syntax", severity: "error", path: "", message: String(e) }] };
  }
  const where = options.fileName !== undefined ? `${options.fileName}: ` : "";
  const syntax: Issue[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    const isError = doc.errors.includes(e as never);
    return {
      code: e.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax",
      severity: isError ? ("error" as const) : ("warning" as const),
      path: "",
      message: `${where}${e.message.split("\n")[0] ?? e.message}`,
      line: pos.line,
      column: pos.col,
    };
  });
  if (syntax.some((i) => i.severity === "error")) return { ok: false, issues: syntax };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return {
      ok: false,
      issues: [
        ...syntax,
        { code: "yaml-syntax", severity: "error", path: "", message: `${where}${String(e)}` },
      ],
    };
  }
  const result = parseDistrict(raw, options);
  const place = (i: Issue): Issue => {
    if (i.line !== undefined) return i;
    const offset = locate(doc, parsePath(i.path), KEY_CODES.has(i.code));
    if (offset === undefined) return i;
    const pos = lineCounter.linePos(offset);
    return { ...i, line: pos.line, column: pos.col };
  };
  const byLine = (a: Issue, b: Issue) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  if (!result.ok) return { ok: false, issues: [...syntax, ...result.issues.map(place)].sort(byLine) };
  return {
    ok: true,
    value: result.value,
    warnings: [...syntax, ...(result.warnings ?? []).map(place)].sort(byLine),
  };
}

/**
 * Writes a district as YAML (block style; arrays of numbers in flow style so hourly series stay compact).
 * `parseDistrictYaml(serializeDistrict(d))` gives back `d`.
 */
export function serializeDistrict(d: District): string {
  const doc = new Document(d);
  const visit = (node: unknown): void => {
    if (isScalar(node) && typeof node.value === "string" && /^\d{4}-\d{2}-\d{2}/.test(node.value)) {
      node.type = "QUOTE_DOUBLE"; // dates stay strings for YAML 1.1 readers too
    } else if (isMap(node)) for (const p of node.items) visit(p.value);
    else if (isSeq(node)) {
      if (node.items.length > 0 && node.items.every((x) => isScalar(x) && typeof x.value === "number"))
        node.flow = true;
      else for (const x of node.items) visit(x);
    }
  };
  visit(doc.contents);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
