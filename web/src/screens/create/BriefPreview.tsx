// A brief shown in words (what a template made of the values typed), not as JSON.
import type { Json } from "./build";

function str(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join("; ");
  return v === undefined || v === null ? "" : String(v);
}

export function BriefPreview({ brief }: { brief: Json }) {
  const product = (typeof brief.product === "object" && brief.product ? brief.product : {}) as Json;
  const rows: [string, string][] = [
    ["Product", str(product.name)],
    ["Description", str(product.description)],
    ["Benefits", str(product.benefits)],
    ["Pain points", str(product.pain_points)],
    ["Audience", str(product.audience)],
    ["Offer", str(product.offer)],
    ["Call to action", str(product.cta)],
    ["Price", str(product.price)],
    ["Tone", str(brief.tone)],
    ["Length", brief.target_seconds ? `${str(brief.target_seconds)} seconds` : ""],
  ];
  return (
    <section className="card brief-preview" aria-labelledby="brief-preview-title">
      <h3 id="brief-preview-title">The brief this template makes</h3>
      <dl className="create-facts">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
