// Optional media for the brief: product images and a music track, uploaded as assets.
import { useId, useRef, type Dispatch } from "react";

import { useAction } from "../../components/hooks";
import { Alert, Button } from "../../components/ui";
import { uploadAsset } from "./calls";
import type { Action, MediaRef } from "./state";

const MAX_IMAGES = 12;

interface UploadProps {
  label: string;
  hint: string;
  accept: string;
  multiple: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => Promise<void>;
}

function Upload({ label, hint, accept, multiple, disabled, onFiles }: UploadProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const run = useAction(onFiles);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled || run.busy}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length) void run.run(files).finally(() => input.current && (input.current.value = ""));
        }}
      />
      <span id={`${id}-hint`} className="hint">
        {run.busy ? "Uploading…" : hint}
      </span>
      {run.error ? <Alert>{run.error}</Alert> : null}
    </div>
  );
}

function Chosen({ items, onRemove }: { items: MediaRef[]; onRemove: (id: string) => void }) {
  if (!items.length) return null;
  return (
    <ul className="media-list">
      {items.map((m) => (
        <li key={m.id}>
          <span className="media-name">{m.name}</span>
          <Button variant="ghost" onClick={() => onRemove(m.id)}>
            Remove<span className="visually-hidden"> {m.name}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

interface Props {
  images: MediaRef[];
  music: MediaRef | null;
  error: string | undefined;
  dispatch: Dispatch<Action>;
}

export function MediaPicker({ images, music, error, dispatch }: Props) {
  const addImages = async (files: File[]) => {
    const added: MediaRef[] = [];
    try {
      for (const f of files.slice(0, MAX_IMAGES - images.length)) {
        const a = await uploadAsset(f, "image");
        added.push({ id: a.id, name: a.filename });
      }
    } finally {
      if (added.length) dispatch({ type: "images", images: [...images, ...added] });
    }
  };
  const setMusic = async (files: File[]) => {
    const a = await uploadAsset(files[0]!, "audio");
    dispatch({ type: "music", music: { id: a.id, name: a.filename } });
  };
  return (
    <fieldset className="media-picker">
      <legend>Product images and music (optional)</legend>
      {error ? <Alert>{error}</Alert> : null}
      <Upload label="Product images" hint={`PNG or JPEG, up to ${MAX_IMAGES}. Shown in product shots.`} accept="image/png,image/jpeg,image/webp" multiple disabled={images.length >= MAX_IMAGES} onFiles={addImages} />
      <Chosen items={images} onRemove={(id) => dispatch({ type: "images", images: images.filter((i) => i.id !== id) })} />
      <Upload label="Music" hint="A WAV, MP3 or other audio file; replaces the studio's music." accept="audio/*" multiple={false} onFiles={setMusic} />
      <Chosen items={music ? [music] : []} onRemove={() => dispatch({ type: "music", music: null })} />
    </fieldset>
  );
}
