// Live progress while a video is queued or rendering: overall bar, ETA, steps, cancel.
import { useSession } from "../../auth/session";
import { Card, ProgressBar } from "../../components/ui";
import { CancelControl } from "./CancelControl";
import { formatEta, type Video } from "./format";
import { StepList } from "./StepList";

export function ProgressPanel({ video, onChange }: { video: Video; onChange: (v: Video) => void }) {
  const { can } = useSession();
  const pct = Math.round(video.progress * 100);
  const title = video.status === "queued" ? "Waiting to start" : "Rendering your video";
  return (
    <Card title={title} actions={can("videos:write") ? <CancelControl video={video} onDone={onChange} /> : null}>
      <div className="overall">
        <ProgressBar value={video.progress} label="Overall progress" />
        <p className="overall-text">
          <strong>{pct}%</strong> <span className="muted">· {formatEta(video.eta_seconds)}</span>
          {video.revision > 1 ? <span className="muted"> · revision {video.revision}</span> : null}
        </p>
      </div>
      <StepList steps={video.steps} />
    </Card>
  );
}
