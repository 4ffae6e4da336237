// A render that failed or was cancelled: what happened in plain words, and a way to try again.
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/session";
import { useAction } from "../../components/hooks";
import { Alert, Button, Card } from "../../components/ui";
import type { Video } from "./format";
import { stepLabel } from "./steps";
import { StepList } from "./StepList";

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return "";
  const s = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** A headline for the error in plain words, and its details as the system wrote them. */
function explain(error: Video["error"]): { headline: string; details: string } {
  const message = error?.message ?? "";
  switch (error?.code) {
    case "invalid_brief":
      return { headline: "The brief has a problem, so the video couldn't start.", details: sentence(message) };
    case "step_failed": {
      const [step = "", ...rest] = message.split(": ");
      const what = step ? `the “${stepLabel(step).toLowerCase()}” step` : "one step";
      return { headline: `The render stopped because ${what} failed.`, details: sentence(rest.join(": ")) };
    }
    case "delivery_failed":
      return { headline: "The video was made, but its files couldn't be saved.", details: sentence(message) };
    default:
      return { headline: sentence(message) || "Something went wrong while rendering.", details: "" };
  }
}

function FailedAlert({ error }: { error: Video["error"] }) {
  const { headline, details } = explain(error);
  return (
    <Alert>
      <p className="alert-headline">{headline}</p>
      {details ? <p className="alert-details">Details: {details}</p> : null}
      {error && !error.retryable ? <p className="alert-details">Trying again won't help: change the brief and create a new video.</p> : null}
    </Alert>
  );
}

export function EndedPanel({ video, onChange }: { video: Video; onChange: (v: Video) => void }) {
  const { can } = useSession();
  const again = useAction(async () => {
    const body = { brief: video.brief };
    const v = await unwrap(api.POST("/api/v1/videos/{video_id}/rerender", { params: { path: { video_id: video.id } }, body }));
    onChange(v);
  });
  const failed = video.status === "failed";
  const canRetry = can("videos:write") && (!failed || video.error?.retryable !== false);
  return (
    <Card title={failed ? "This video couldn't be made" : "This render was cancelled"}>
      {failed ? (
        <FailedAlert error={video.error} />
      ) : (
        <p className="muted">Steps that finished are kept, so rendering it again is quicker.</p>
      )}
      {again.error ? <Alert>{again.error}</Alert> : null}
      {canRetry ? (
        <Button busy={again.busy} onClick={() => void again.run()}>
          {failed ? "Try again" : "Render again"}
        </Button>
      ) : null}
      {video.steps.length ? (
        <details className="step-details">
          <summary>Steps</summary>
          <StepList steps={video.steps} />
        </details>
      ) : null}
    </Card>
  );
}
