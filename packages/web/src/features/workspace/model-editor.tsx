import "../../zod-jitless.js";
import { parameterMetadata } from "@kera/schema";
import { useMemo } from "react";
import type { ApiIssue } from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";
import {
  fieldsFor,
  metadataPrefix,
  normalizeIssuePath,
  parseFieldValue,
  withField,
  type FieldSpec,
} from "./model-fields.js";

type Section = "buildingGroups" | "assets";
type Item = Record<string, unknown>;

/**
 * A form for the building groups and assets of a district document, generated from the schema's metadata:
 * each field shows its unit, default, limits, description and source, and the issues (the same path-qualified
 * issues as the API) next to it.
 */
export function ModelEditor({
  model,
  issues,
  onChange,
}: {
  readonly model: Record<string, unknown>;
  readonly issues: readonly ApiIssue[];
  readonly onChange: (m: Record<string, unknown>) => void;
}) {
  const tr = useI18n();
  const meta = useMemo(() => parameterMetadata(), []);
  const byPath = useMemo(() => {
    const m = new Map<string, ApiIssue[]>();
    for (const i of issues) {
      const p = normalizeIssuePath(i.path);
      m.set(p, [...(m.get(p) ?? []), i]);
    }
    return m;
  }, [issues]);

  const section = (name: Section) => {
    const items = (Array.isArray(model[name]) ? model[name] : []) as Item[];
    return (
      <section aria-labelledby={`ed-${name}`}>
        <h3 id={`ed-${name}`}>{tr.t(name === "assets" ? "assets" : "buildingGroups")}</h3>
        {items.map((item, index) => {
          const kind = typeof item.kind === "string" ? item.kind : undefined;
          const fields = fieldsFor(meta, metadataPrefix(name, kind));
          const id = String(item.id ?? index);
          const itemIssues = [...byPath.entries()].filter(([p]) => p.startsWith(`${name}[${index}]`));
          return (
            <details key={`${id}-${index}`} open={itemIssues.length > 0} data-item={id}>
              <summary>
                {String(item.name ?? id)} {kind ? <span className="muted">({kind})</span> : null}
                {itemIssues.length > 0 ? <span className="issues"> ⚠ {itemIssues.length}</span> : null}
              </summary>
              <div className="form-grid">
                {fields.map((f) => (
                  <Field
                    key={f.key}
                    spec={f}
                    inputId={`f-${name}-${index}-${f.key}`}
                    value={item[f.key]}
                    issues={byPath.get(`${name}[${index}].${f.key}`) ?? []}
                    onChange={(v) => onChange(withField(model, name, index, f.key, v))}
                  />
                ))}
              </div>
            </details>
          );
        })}
      </section>
    );
  };

  return (
    <div className="model-editor">
      {issues.length > 0 ? (
        <div role="alert" className="issues" data-testid="issues">
          <p>{tr.t("errorsTitle", { count: issues.length })}</p>
          <ul>
            {issues.map((i, n) => (
              <li key={n}>
                <code>{normalizeIssuePath(i.path)}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {section("buildingGroups")}
      {section("assets")}
    </div>
  );
}

function Field({
  spec,
  inputId,
  value,
  issues,
  onChange,
}: {
  readonly spec: FieldSpec;
  readonly inputId: string;
  readonly value: unknown;
  readonly issues: readonly ApiIssue[];
  readonly onChange: (v: unknown) => void;
}) {
  const tr = useI18n();
  const helpId = `${inputId}-help`;
  const errId = `${inputId}-err`;
  const label = `${spec.key}${spec.unit ? ` (${spec.unit})` : ""}`;
  const hints = [
    spec.default !== undefined ? tr.t("fieldDefault", { value: String(spec.default) }) : "",
    spec.minimum !== undefined || spec.maximum !== undefined
      ? tr.t("fieldRange", { min: String(spec.minimum ?? "−∞"), max: String(spec.maximum ?? "∞") })
      : "",
    spec.source ? tr.t("fieldSource", { source: spec.source }) : "",
  ].filter((s) => s !== "");
  const common = {
    id: inputId,
    "aria-describedby": issues.length > 0 ? `${errId} ${helpId}` : helpId,
    "aria-invalid": issues.length > 0 ? true : undefined,
  } as const;
  let input;
  if (spec.type === "boolean") {
    input = (
      <select
        {...common}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => onChange(parseFieldValue(spec, e.target.value))}
      >
        <option value="">–</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  } else if (spec.type === "enum" && spec.enum) {
    input = (
      <select
        {...common}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => onChange(parseFieldValue(spec, e.target.value))}
      >
        <option value="">–</option>
        {spec.enum.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  } else {
    const numeric = spec.type === "number" || spec.type === "integer";
    input = (
      <input
        {...common}
        type="text"
        inputMode={numeric ? "decimal" : "text"}
        value={
          value === undefined || value === null
            ? ""
            : typeof value === "object"
              ? JSON.stringify(value)
              : String(value)
        }
        placeholder={spec.default === undefined ? "" : String(spec.default)}
        onChange={(e) => onChange(parseFieldValue(spec, e.target.value))}
      />
    );
  }
  return (
    <div className={`field${issues.length > 0 ? " issue-field" : ""}`}>
      <label htmlFor={inputId}>{label}</label>
      {input}
      {issues.length > 0 ? (
        <p className="issues" id={errId}>
          {issues.map((i) => i.message).join("; ")}
        </p>
      ) : null}
      <p className="help" id={helpId} title={spec.description}>
        {hints.join(" · ")}
      </p>
    </div>
  );
}
