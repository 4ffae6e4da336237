// A template's variables as a form: one input per variable, chosen by its JSON-Schema type.
import type { Dispatch } from "react";

import { properties, requiredVars, type Template, type VarSpec } from "./build";
import { Area, Input, ListEditor, Select } from "./fields";
import type { Action, VarValue } from "./state";

function title(name: string, spec: VarSpec): string {
  if (spec.title) return spec.title;
  const words = name.replace(/_/g, " ");
  return words[0]!.toUpperCase() + words.slice(1);
}

/** "Benefits, best first" -> "Benefit"; longer titles stay as they are (null: no short name). */
function itemName(label: string): string | null {
  const head = label.split(",")[0]!.trim();
  return !head.includes(" ") && head.endsWith("s") && !head.endsWith("ss") ? head.slice(0, -1) : null;
}

function hintOf(spec: VarSpec): string | undefined {
  const parts = [spec.description ?? ""];
  if (spec.type === "string" && spec.maxLength !== undefined && !spec.enum) parts.push(`Up to ${spec.maxLength} characters.`);
  if ((spec.type === "number" || spec.type === "integer") && !spec.enum) {
    if (spec.minimum !== undefined && spec.maximum !== undefined) parts.push(`From ${spec.minimum} to ${spec.maximum}.`);
  }
  if (spec.type === "array" && spec.maxItems !== undefined) parts.push(`Up to ${spec.maxItems}.`);
  return parts.filter(Boolean).join(" ") || undefined;
}

interface FieldProps {
  name: string;
  spec: VarSpec;
  value: VarValue | undefined;
  required: boolean;
  error: string | undefined;
  set: (v: VarValue) => void;
}

function VariableField({ name, spec, value, required, error, set }: FieldProps) {
  const label = title(name, spec);
  const hint = hintOf(spec);
  if (spec.type === "boolean") {
    return (
      <label className="choice">
        <input type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} />
        {label}
      </label>
    );
  }
  if (spec.type === "array") {
    const items = Array.isArray(value) ? value : [];
    const numeric = spec.items?.type === "number" || spec.items?.type === "integer";
    const one = itemName(label);
    return <ListEditor legend={label} item={one ?? label} addLabel={one ? undefined : "Add an entry"} items={items} required={required || (spec.minItems ?? 0) > 0} max={spec.maxItems ?? 20} error={error} hint={hint} inputType={numeric ? "number" : "text"} onChange={set} />;
  }
  const text = typeof value === "string" ? value : "";
  if (spec.enum) {
    const blank = { value: "", label: required ? "Choose…" : "Let the studio choose" };
    const options = spec.enum.map((v) => ({ value: String(v), label: String(v) }));
    const hasDefault = spec.default !== undefined && spec.default !== null;
    return <Select label={label} required={required} value={text} error={error} hint={hint} options={hasDefault ? options : [blank, ...options]} onChange={(e) => set(e.target.value)} />;
  }
  if (spec.type === "number" || spec.type === "integer") {
    return <Input label={label} required={required} type="number" inputMode={spec.type === "integer" ? "numeric" : "decimal"} step={spec.type === "integer" ? 1 : "any"} min={spec.minimum} max={spec.maximum} value={text} error={error} hint={hint} onChange={(e) => set(e.target.value)} />;
  }
  const example = spec.examples?.[0];
  const placeholder = example === undefined ? undefined : `e.g. ${String(example)}`;
  if ((spec.maxLength ?? 0) > 200) {
    return <Area label={label} required={required} rows={3} value={text} error={error} hint={hint} placeholder={placeholder} onChange={(e) => set(e.target.value)} />;
  }
  return <Input label={label} required={required} value={text} error={error} hint={hint} placeholder={placeholder} onChange={(e) => set(e.target.value)} />;
}

interface Props {
  template: Template;
  values: Record<string, VarValue>;
  errors: Record<string, string>;
  dispatch: Dispatch<Action>;
}

export function VariablesForm({ template, values, errors, dispatch }: Props) {
  const required = requiredVars(template);
  const props = properties(template);
  if (!props.length) return <p className="muted">This template has nothing to fill in.</p>;
  return (
    <div className="stack">
      {props.map(([name, spec]) => (
        <VariableField
          key={`${template.id}:${name}`}
          name={name}
          spec={spec}
          value={values[name]}
          required={required.has(name)}
          error={errors[`variables.${name}`]}
          set={(value) => dispatch({ type: "variable", name, value })}
        />
      ))}
    </div>
  );
}
