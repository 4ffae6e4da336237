// Cancel a render, after the user confirms it in place.
import { useState } from "react";

import { api, unwrap } from "../../api/client";
import { useAction } from "../../components/hooks";
import { Alert, Button } from "../../components/ui";
import type { Video } from "./format";

export function CancelControl({ video, onDone }: { video: Video; onDone: (v: Video) => void }) {
  const [asking, setAsking] = useState(false);
  const [back, setBack] = useState(false); // focus returns to the button after "Keep rendering"
  const cancel = useAction(async () => {
    const v = await unwrap(api.POST("/api/v1/videos/{video_id}/cancel", { params: { path: { video_id: video.id } } }));
    setAsking(false);
    onDone(v);
  });

  if (!asking) {
    return (
      <Button variant="secondary" autoFocus={back} onClick={() => setAsking(true)}>
        Cancel render
      </Button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby="cancel-question">
      <p id="cancel-question">
        <strong>Stop this render?</strong> Finished steps are kept, so rendering it again later is quicker.
      </p>
      {cancel.error ? <Alert>{cancel.error}</Alert> : null}
      <div className="row">
        <Button variant="danger" autoFocus busy={cancel.busy} onClick={() => void cancel.run()}>
          Yes, cancel it
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            setAsking(false);
            setBack(true);
          }}
        >
          Keep rendering
        </Button>
      </div>
    </div>
  );
}
