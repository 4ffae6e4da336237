// Step 1, from a product page: the studio reads the page and drafts a brief to edit.
import type { Dispatch } from "react";

import { ApiError } from "../../api/problem";
import { useAction } from "../../components/hooks";
import { Alert, Button } from "../../components/ui";
import type { Json } from "./build";
import { importBrief } from "./calls";
import { Input } from "./fields";
import { EMPTY_BRIEF, type Action, type BriefFields, type Seconds } from "./state";

function text(v: unknown, fallback = ""): string {
  return typeof v === "string" ? v : fallback;
}

function texts(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

/** The drafted brief as the form's fields. */
export function toFields(brief: Json): BriefFields {
  const p = (typeof brief.product === "object" && brief.product ? brief.product : {}) as Json;
  const seconds = [15, 30, 60].includes(Number(brief.target_seconds)) ? (Number(brief.target_seconds) as Seconds) : EMPTY_BRIEF.target_seconds;
  const benefits = texts(p.benefits);
  return {
    name: text(p.name),
    description: text(p.description),
    benefits: benefits.length ? benefits : [""],
    pain_points: texts(p.pain_points),
    audience: text(p.audience),
    offer: text(p.offer),
    cta: text(p.cta, EMPTY_BRIEF.cta),
    price: text(p.price),
    tone: text(brief.tone, EMPTY_BRIEF.tone),
    language: text(brief.language, EMPTY_BRIEF.language).split("-")[0]!.toLowerCase(),
    target_seconds: seconds,
  };
}

interface Props {
  url: string;
  importedFrom: string;
  error: string | undefined;
  dispatch: Dispatch<Action>;
}

export function UrlImport({ url, importedFrom, error, dispatch }: Props) {
  const run = useAction(async () => {
    try {
      const out = await importBrief(url.trim());
      const images = out.images.map((id, i) => ({ id, name: `Image ${i + 1} from the page` }));
      const from = out.source.site_name || out.source.final_url;
      dispatch({ type: "imported", brief: toFields(out.brief), images, from });
    } catch (e) {
      // The URL's own problem (refused, no product on the page) goes next to the URL field.
      if (e instanceof ApiError && e.status === 422) {
        dispatch({ type: "errors", errors: { url: e.fields.url ?? e.message }, alert: null });
        return;
      }
      throw e;
    }
  });
  return (
    <div className="stack">
      <form
        className="import-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!url.trim()) dispatch({ type: "errors", errors: { url: "Paste the address of a product page." }, alert: null });
          else void run.run();
        }}
      >
        <Input label="Product page URL" required type="url" inputMode="url" placeholder="https://shop.example/products/glow-serum" value={url} error={error} hint="A public product page; we read its title, description, price and images." onChange={(e) => dispatch({ type: "importUrl", url: e.target.value })} />
        <Button type="submit" busy={run.busy}>
          {importedFrom ? "Import again" : "Import"}
        </Button>
      </form>
      {run.error ? <Alert>{run.error}</Alert> : null}
      {importedFrom ? (
        <Alert kind="success">Imported from {importedFrom}. Check the details below and edit anything you like.</Alert>
      ) : null}
    </div>
  );
}
