// The side panel: the brief in brief, what the render was quoted and what it used.
import type { ReactNode } from "react";

import { Card } from "../../components/ui";
import { aspectOrder, briefSummary, formatDate, formatSeconds, type Video } from "./format";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="video-facts-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function computeUsed(video: Video): number {
  return video.steps.filter((s) => !s.cached).reduce((sum, s) => sum + (s.seconds ?? 0), 0);
}

export function SidePanel({ video }: { video: Video }) {
  const b = briefSummary(video.brief);
  const q = video.quote;
  const usd = typeof video.cost?.usd === "number" ? video.cost.usd : null;
  const used = computeUsed(video);
  return (
    <aside className="side" aria-label="Video details">
      <Card title="Brief">
        <dl className="video-facts">
          <Row term="Product">{b.product}</Row>
          <Row term="Tone">{b.tone[0]!.toUpperCase() + b.tone.slice(1)}</Row>
          <Row term="Target length">{b.seconds} seconds</Row>
          <Row term="Aspects">{[...video.aspects].sort(aspectOrder).join(", ")}</Row>
          <Row term="Variants">{video.variants}</Row>
        </dl>
      </Card>
      <Card title="Cost">
        <dl className="video-facts">
          <Row term="Credits">{q.credits}</Row>
          <Row term="Estimated compute">{formatSeconds(q.compute_seconds)}</Row>
          <Row term="Renders">
            {q.renders} ({formatSeconds(q.video_seconds)} of video)
          </Row>
          {used > 0 ? <Row term="Compute used">{formatSeconds(used)}</Row> : null}
          {usd !== null ? <Row term="AI provider charges">{usd.toLocaleString(undefined, { style: "currency", currency: "USD", maximumFractionDigits: 4 })}</Row> : null}
        </dl>
      </Card>
      <Card title="History">
        <dl className="video-facts">
          <Row term="Created">{formatDate(video.created_at)}</Row>
          {video.finished_at ? <Row term="Finished">{formatDate(video.finished_at)}</Row> : null}
          <Row term="Revision">{video.revision}</Row>
        </dl>
      </Card>
    </aside>
  );
}
