// Previews of catalog items, fetched with the session (they are private) and shown as object URLs.
import { useEffect, useState } from "react";

import { blobUrl } from "../../api/client";
import { messageOf } from "../../api/problem";

/** Fetch an authenticated binary as an object URL; revoke it when the path changes. */
function useBlob(path: string | null): { url: string | null; error: string | null } {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!path) return;
    let live = true;
    let made: string | null = null;
    setUrl(null);
    setError(null);
    blobUrl(path)
      .then((u) => {
        made = u;
        if (live) setUrl(u);
        else URL.revokeObjectURL(u);
      })
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [path]);
  return { url, error };
}

export function ImagePreview({ path, alt }: { path: string; alt: string }) {
  const { url, error } = useBlob(path);
  if (error) return <p className="field-error">The preview didn't load: {error}</p>;
  if (!url) return <div className="preview-frame preview-wait" role="status">Loading preview…</div>;
  return <img className="preview-frame" src={url} alt={alt} width={180} height={320} />;
}

export function AudioPreview({ path, label }: { path: string; label: string }) {
  const { url, error } = useBlob(path);
  if (error) return <p className="field-error">The sample didn't load: {error}</p>;
  if (!url) return <p className="preview-wait" role="status">Loading sample…</p>;
  return (
    <figure className="audio-preview">
      <figcaption>{label}</figcaption>
      <audio controls preload="metadata" src={url} aria-label={label} />
    </figure>
  );
}
