// The kit's voice: a choice from the catalog, with a sample to listen to before choosing.
import { useEffect, useRef, useState } from "react";

import { blobUrl } from "../../api/client";
import { messageOf } from "../../api/problem";
import { Alert, Button, SelectField, TextField } from "../../components/ui";
import type { Catalog } from "./useCatalog";

interface Props {
  voice: string;
  catalog: Catalog | null;
  error?: string | undefined;
  onChange: (voice: string) => void;
}

function previewPath(catalog: Catalog | null, voice: string): string {
  const item = catalog?.voices.find((v) => v.id === voice);
  return item?.preview_url ?? `/api/v1/catalog/voices/${encodeURIComponent(voice)}/preview`;
}

function useSample() {
  const [src, setSrc] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Each request is numbered; a change of voice bumps it too, so an older sample never lands.
  const seq = useRef(0);
  // Free the previous sample's memory whenever a new one replaces it, and on leaving.
  useEffect(() => () => void (src && URL.revokeObjectURL(src)), [src]);
  useEffect(() => () => void (seq.current += 1), []);
  const load = async (path: string) => {
    const mine = ++seq.current;
    setBusy(true);
    setError(null);
    try {
      const url = await blobUrl(path);
      if (mine === seq.current) setSrc(url);
      else URL.revokeObjectURL(url);
    } catch (e) {
      if (mine === seq.current) setError(messageOf(e));
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };
  const clear = () => {
    seq.current += 1;
    setSrc(null);
    setBusy(false);
    setError(null);
  };
  return { src, busy, error, load, clear };
}

export function VoiceField({ voice, catalog, error, onChange }: Props) {
  const sample = useSample();
  const audio = useRef<HTMLAudioElement>(null);
  const label = catalog?.voices.find((v) => v.id === voice)?.label ?? voice;

  useEffect(() => {
    // A new sample plays at once: the user just asked to hear it.
    if (sample.src) audio.current?.play().catch(() => undefined);
  }, [sample.src]);

  const options = [
    { value: "", label: "Studio default" },
    ...(catalog?.voices ?? []).map((v) => ({ value: v.id, label: v.description ? `${v.label} — ${v.description}` : v.label })),
  ];
  if (voice && catalog && !catalog.voices.some((v) => v.id === voice)) options.push({ value: voice, label: `${voice} (not available here)` });

  return (
    <fieldset>
      <legend>Voice</legend>
      {catalog ? (
        <SelectField label="Voice-over voice" error={error} value={voice} options={options} onChange={(e) => { sample.clear(); onChange(e.target.value); }} />
      ) : (
        <TextField label="Voice-over voice" hint="e.g. piper, or espeak:en-us" error={error} value={voice} maxLength={100} onChange={(e) => { sample.clear(); onChange(e.target.value); }} />
      )}
      <div className="row voice-preview">
        <Button variant="secondary" busy={sample.busy} disabled={!voice} onClick={() => void sample.load(previewPath(catalog, voice))}>
          Play voice sample
        </Button>
        {sample.src ? <audio ref={audio} controls src={sample.src} aria-label={`Voice sample: ${label}`} /> : null}
      </div>
      {sample.error ? <Alert>{sample.error}</Alert> : null}
    </fieldset>
  );
}
