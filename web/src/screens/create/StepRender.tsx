// Step 6: queue the render (once, however often the button is pressed) and open its page.
import type { Dispatch } from "react";
import { useNavigate } from "react-router";

import { ApiError, NetworkError } from "../../api/problem";
import { useAction } from "../../components/hooks";
import { Alert, Button } from "../../components/ui";
import { videoBody } from "./build";
import { submitVideo } from "./calls";
import { useQuote } from "./StepQuote";
import type { Action, WizardState } from "./state";

interface Props {
  state: WizardState;
  dispatch: Dispatch<Action>;
  onFieldErrors: (e: ApiError) => void;
  /** The render is queued: the wizard need not be kept any more. */
  onSubmitted: () => void;
}

export function StepRender({ state, dispatch, onFieldErrors, onSubmitted }: Props) {
  const navigate = useNavigate();
  const quote = useQuote(state);
  const renders = state.variants * state.aspects.length;
  const submit = useAction(async () => {
    try {
      const video = await submitVideo(videoBody(state), state.idempotencyKey);
      onSubmitted();
      navigate(`/videos/${video.id}`);
    } catch (e) {
      // An answer means no job was made: the next try needs a new key (the old one keeps this
      // answer). No answer (network) may mean it was made: keep the key so a retry finds it.
      if (!(e instanceof NetworkError)) dispatch({ type: "newKey" });
      if (e instanceof ApiError && e.status === 422 && Object.keys(e.fields).length) onFieldErrors(e);
      else throw e;
    }
  });
  return (
    <div className="stack">
      <div className="card">
        <p className="quote-lead">
          Ready to render {renders} {renders === 1 ? "video" : "videos"}
          {quote.data ? ` for ${quote.data.credits} ${quote.data.credits === 1 ? "credit" : "credits"}` : ""}.
          {quote.updating ? <span className="muted"> Updating the cost…</span> : null}
        </p>
        <p className="muted">Rendering runs in the background; you'll see its progress on the next page and can leave it at any time.</p>
        {submit.error ? <Alert>{submit.error}</Alert> : null}
        <Button busy={submit.busy} onClick={() => void submit.run()}>
          Render {renders} {renders === 1 ? "video" : "videos"}
        </Button>
      </div>
    </div>
  );
}
