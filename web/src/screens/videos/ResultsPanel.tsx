// A finished video: pick the variant and aspect, watch it, download it, read its QA.
import { useState } from "react";

import { useSession } from "../../auth/session";
import { Card, Loading, SelectField } from "../../components/ui";
import { AspectTabs, PANEL_ID, tabId } from "./AspectTabs";
import { aspectOrder, briefSummary, type Video } from "./format";
import { QaChecklist } from "./QaChecklist";
import { Rendition } from "./Rendition";
import { ScriptEditor, type Line } from "./ScriptEditor";

export function ResultsPanel({ video, onChange }: { video: Video; onChange: (v: Video) => void }) {
  const { can } = useSession();
  const [variantIndex, setVariantIndex] = useState(0);
  const [aspect, setAspect] = useState<string | null>(null);
  // Unsaved script edits per revision and variant: switching variant and back keeps them.
  const [edits, setEdits] = useState<Record<string, Line[]>>({});
  const variants = video.outputs ?? [];
  const variant = variants[variantIndex] ?? variants[0];
  if (!variant) return <Loading label="Getting your files ready…" />;
  const outputs = [...variant.outputs].sort((a, b) => aspectOrder(a.aspect, b.aspect));
  const out = outputs.find((o) => o.aspect === aspect) ?? outputs[0];
  if (!out) return null;
  const product = briefSummary(video.brief).product;
  const key = `${video.revision}-${variant.variant}-${out.aspect}`;
  const editKey = `${video.revision}-${variant.variant}`;

  return (
    <>
      <Card title="Your video">
        {variants.length > 1 ? (
          <SelectField
            label="Variant"
            value={String(variantIndex)}
            options={variants.map((v, i) => ({ value: String(i), label: `Variant ${v.variant + 1} (${v.format})` }))}
            onChange={(e) => setVariantIndex(Number(e.target.value))}
          />
        ) : null}
        <AspectTabs aspects={outputs.map((o) => o.aspect)} value={out.aspect} onChange={setAspect} />
        <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(out.aspect)} className="aspect-panel">
          <Rendition out={out} product={product} variant={variant.variant} />
        </div>
      </Card>
      <QaChecklist key={key} url={out.qa_report.url} aspect={out.aspect} passed={out.qa_passed} />
      {can("videos:write") ? (
        <ScriptEditor
          key={editKey}
          video={video}
          variant={variant}
          edited={edits[editKey] ?? null}
          onEdit={(lines) => setEdits(({ [editKey]: _, ...rest }) => (lines ? { ...rest, [editKey]: lines } : rest))}
          onChange={onChange}
        />
      ) : null}
    </>
  );
}
