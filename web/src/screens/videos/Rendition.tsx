// One rendition (a variant in one aspect): the player with captions, thumbnails and downloads.
import { useRef, useState, type SyntheticEvent } from "react";

import { mediaUrl, type Schemas } from "../../api/client";
import { blobPath, fileName, formatSeconds } from "./format";

type Aspect = Schemas["AspectOut"];

function Player({ out }: { out: Aspect }) {
  const latest = mediaUrl(out.video.url);
  // A fresh signature for the same file keeps playing the loaded one; it is used only if the old one fails.
  const [src, setSrc] = useState(latest);
  const resumeAt = useRef(0);
  const onError = (e: SyntheticEvent<HTMLVideoElement>) => {
    if (src === latest) return;
    resumeAt.current = e.currentTarget.currentTime;
    setSrc(latest);
  };
  const onLoaded = (e: SyntheticEvent<HTMLVideoElement>) => {
    if (resumeAt.current) e.currentTarget.currentTime = resumeAt.current;
    resumeAt.current = 0;
  };
  return (
    <div className="player">
      <video
        className="player-video"
        controls
        playsInline
        preload="auto"
        // Same-origin media needs no CORS; a cross-origin store might not send it, so only then is it left off.
        crossOrigin={src.startsWith("/") ? "anonymous" : undefined}
        aria-label={`${out.aspect} video`}
        width={out.width}
        height={out.height}
        style={{ aspectRatio: `${out.width} / ${out.height}` }}
        src={src}
        onError={onError}
        onLoadedMetadata={onLoaded}
      >
        <track kind="captions" srcLang="en" label="English" src={mediaUrl(out.vtt.url)} />
      </video>
      <p className="muted player-meta">
        {out.width}×{out.height} · {formatSeconds(out.duration)}
      </p>
    </div>
  );
}

function Thumbnails({ out, name }: { out: Aspect; name: (ext: string, n?: number) => string }) {
  if (out.thumbnails.length === 0) return null;
  return (
    <div>
      <h3>Thumbnails</h3>
      <ul className="thumbs thumb-strip" aria-label="Thumbnails">
        {out.thumbnails.map((t, i) => (
          <li key={t.url}>
            <a href={mediaUrl(t.url)} download={name("jpg", i + 1)} aria-label={`Download thumbnail ${i + 1}`}>
              <img src={mediaUrl(t.url)} alt="" loading="lazy" />
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Downloads({ out, name }: { out: Aspect; name: (ext: string, n?: number) => string }) {
  const links = [
    { label: "Download MP4", url: out.video.url, file: name("mp4") },
    { label: "Download captions (SRT)", url: out.srt.url, file: name("srt") },
    { label: "Download captions (VTT)", url: out.vtt.url, file: name("vtt") },
    { label: "Download QA report", url: out.qa_report.url, file: name("qa.json") },
  ];
  return (
    <div>
      <h3>Downloads</h3>
      <ul className="downloads">
        {links.map((l) => (
          <li key={l.label}>
            <a className="btn btn-secondary" href={mediaUrl(l.url)} download={l.file}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Rendition({ out, product, variant }: { out: Aspect; product: string; variant: number }) {
  const name = (ext: string, n?: number) =>
    fileName(product, variant, out.aspect, n ? `thumb-${n}.${ext}` : ext);
  return (
    <div className="rendition">
      <Player key={blobPath(out.video.url)} out={out} />
      <div className="rendition-side">
        <Downloads out={out} name={name} />
        <Thumbnails out={out} name={name} />
      </div>
    </div>
  );
}
