// One template in the gallery: what it is, what you fill in, and a way to start a video from it.
import { Link } from "react-router";

import type { Schemas } from "../../api/client";
import { Badge } from "../../components/ui";

type Template = Schemas["TemplateOut"];

interface Variable {
  key: string;
  title: string;
  required: boolean;
}

/** The template's fill-in fields, from its JSON Schema, in a marketer's words. */
export function variablesOf(t: Template): Variable[] {
  const props = (t.variables["properties"] ?? {}) as Record<string, { title?: unknown }>;
  const required = new Set(Array.isArray(t.variables["required"]) ? (t.variables["required"] as string[]) : []);
  return Object.entries(props).map(([key, spec]) => ({
    key,
    title: typeof spec?.title === "string" && spec.title ? spec.title : key.replace(/_/g, " "),
    required: required.has(key),
  }));
}

const FORMATS: Record<string, string> = { pov: "POV", "problem-solution": "Problem and solution" };

export function TemplateCard({ template, canUse }: { template: Template; canUse: boolean }) {
  const vars = variablesOf(template);
  const headingId = `tpl-${template.id}`;
  return (
    <li className="card template-card" aria-labelledby={headingId}>
      <div className="template-badges">
        <Badge tone={template.system ? "info" : "neutral"}>{template.system ? "Built-in" : "Your organisation"}</Badge>
        <Badge>{FORMATS[template.format] ?? template.format[0]?.toUpperCase() + template.format.slice(1)}</Badge>
      </div>
      <h2 id={headingId}>{template.name}</h2>
      {template.description ? <p className="template-desc">{template.description}</p> : null}
      {vars.length ? (
        <div>
          <h3 className="vars-title">You fill in</h3>
          <ul className="vars">
            {vars.map((v) => (
              <li key={v.key}>
                {v.title}
                {v.required ? <span className="muted"> (required)</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {canUse ? (
        <Link className="btn btn-primary use-template" to={`/create?template=${encodeURIComponent(template.id)}`}>
          Use this template<span className="visually-hidden"> for {template.name}</span>
        </Link>
      ) : null}
    </li>
  );
}
