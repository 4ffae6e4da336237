// One video: live progress while it renders, then the player, downloads, QA and script edits.
import { Link, useParams } from "react-router";

import { Alert, Badge, Button, Loading, Page, RetryAlert } from "../../components/ui";
import { briefSummary, isActive, statusLabel, statusTone, type Video } from "./format";
import { EndedPanel } from "./EndedPanel";
import { ProgressPanel } from "./ProgressPanel";
import { ResultsPanel } from "./ResultsPanel";
import { SidePanel } from "./SidePanel";
import { useVideo } from "./useVideo";
import "./videos.css";

function Body({ video, onChange }: { video: Video; onChange: (v: Video) => void }) {
  if (isActive(video.status)) return <ProgressPanel video={video} onChange={onChange} />;
  if (video.status === "succeeded") return <ResultsPanel video={video} onChange={onChange} />;
  return <EndedPanel video={video} onChange={onChange} />;
}

function BackLink() {
  return (
    <p className="back-link">
      <Link to="/videos">← All videos</Link>
    </p>
  );
}

export default function VideoDetail() {
  const { videoId = "" } = useParams();
  const { video, error, refresh, retry, replace } = useVideo(videoId);

  if (!video) {
    return (
      <>
        <BackLink />
        {error ? (
          <Page title="Video">
            <Alert>{error}</Alert>
            <Button variant="secondary" onClick={() => void refresh()}>
              Try again
            </Button>
          </Page>
        ) : (
          <Loading label="Loading the video…" />
        )}
      </>
    );
  }

  const status = (
    <span className="video-status" role="status">
      <span className="visually-hidden">Status: </span>
      <Badge tone={statusTone(video.status)}>{statusLabel(video.status)}</Badge>
    </span>
  );
  return (
    <>
      <BackLink />
      <Page title={briefSummary(video.brief).product} actions={status}>
        {error ? <RetryAlert onRetry={retry}>{error}</RetryAlert> : null}
        <div className="detail-layout">
          <div className="detail-main">
            <Body video={video} onChange={replace} />
          </div>
          <SidePanel video={video} />
        </div>
      </Page>
    </>
  );
}
