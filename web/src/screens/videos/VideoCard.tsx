// One video in the library: cover, product, status, progress while rendering, aspects, date.
import { Link } from "react-router";

import { mediaUrl } from "../../api/client";
import { Badge, ProgressBar } from "../../components/ui";
import { aspectOrder, formatDate, isActive, statusLabel, statusTone, type Summary } from "./format";

export function VideoCard({ video }: { video: Summary }) {
  const name = video.product || "Untitled product";
  const aspects = [...video.aspects].sort(aspectOrder);
  return (
    <li className="video-card">
      <div className="video-cover" aria-hidden="true">
        {video.cover ? <img src={mediaUrl(video.cover.url)} alt="" loading="lazy" /> : <span>{statusLabel(video.status)}</span>}
      </div>
      <div className="video-card-body">
        <h2 className="video-card-title">
          <Link to={`/videos/${video.id}`} className="stretched-link">
            {name}
          </Link>
        </h2>
        <div className="video-card-meta">
          <Badge tone={statusTone(video.status)}>{statusLabel(video.status)}</Badge>
          <span className="muted">{aspects.join(" · ")}</span>
        </div>
        {isActive(video.status) ? (
          <ProgressBar value={video.progress} label={`${name}: rendering progress`} />
        ) : null}
        <p className="muted video-card-date">
          {video.variants > 1 ? `${video.variants} variants · ` : ""}
          <time dateTime={video.created_at}>{formatDate(video.created_at)}</time>
          {video.revision > 1 ? ` · revision ${video.revision}` : ""}
        </p>
      </div>
    </li>
  );
}
