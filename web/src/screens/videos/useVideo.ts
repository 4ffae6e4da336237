// One video, kept live: loaded once, then followed over SSE while it is queued or rendering.
import { useCallback, useEffect, useRef, useState } from "react";

import { api, unwrap } from "../../api/client";
import { messageOf } from "../../api/problem";
import { streamEvents } from "../../api/sse";
import { isActive, type Step, type Video } from "./format";

/** What each SSE message carries. */
interface Snapshot {
  status: Video["status"];
  revision: number;
  progress: number;
  eta_seconds: number | null;
  steps: Record<string, [string, number]>;
  error: Video["error"];
}

function merge(v: Video, snap: Snapshot): Video {
  const known = new Map(v.steps.map((s) => [s.name, s]));
  const steps: Step[] = Object.entries(snap.steps).map(([name, [status, progress]]) => {
    const old = known.get(name);
    const kind = name.split("/")[0] ?? name;
    return { ...(old ?? { name, kind, cached: false, attempts: 0, seconds: null }), status, progress };
  });
  return { ...v, status: snap.status, progress: snap.progress, eta_seconds: snap.eta_seconds, error: snap.error, steps };
}

function doneCount(snap: Snapshot): number {
  return Object.values(snap.steps).filter(([s]) => s === "succeeded").length;
}

export interface LiveVideo {
  video: Video | null;
  error: string | null;
  /** Fetch the full video again (outputs, cached steps, timings). */
  refresh: () => Promise<void>;
  /** Show a video the API just returned (after cancel or re-render). */
  replace: (v: Video) => void;
}

export function useVideo(id: string): LiveVideo {
  const [video, setVideo] = useState<Video | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const current = useRef(id);
  current.current = id;

  const refresh = useCallback(async () => {
    try {
      const v = await unwrap(api.GET("/api/v1/videos/{video_id}", { params: { path: { video_id: id } } }));
      if (current.current !== id) return;
      setVideo(v);
      setError(null);
    } catch (e) {
      if (current.current === id) setError(messageOf(e));
    }
  }, [id]);

  useEffect(() => {
    setVideo(null);
    setError(null);
    void refresh();
  }, [refresh]);

  const active = video ? isActive(video.status) : false;
  const revision = video?.revision ?? 0;

  useEffect(() => {
    if (!active) return;
    const ctrl = new AbortController();
    let finished = 0;
    let pending: number | undefined;
    // Steps' "reused" flags and timings are only in the full video: fetch it as steps finish.
    const soon = () => {
      pending ??= window.setTimeout(() => {
        pending = undefined;
        void refresh();
      }, 1000);
    };
    const onMessage = (m: { event: string; data: string }) => {
      if (m.event !== "progress" && m.event !== "done") return;
      const snap = JSON.parse(m.data) as Snapshot;
      if (snap.revision !== revision) return void refresh();
      setVideo((v) => (v && v.revision === snap.revision ? merge(v, snap) : v));
      if (m.event === "done") return void refresh();
      const n = doneCount(snap);
      if (n > finished) {
        finished = n;
        soon();
      }
    };
    streamEvents(`/api/v1/videos/${id}/events`, onMessage, ctrl.signal)
      .catch(() => undefined)
      .finally(() => {
        if (ctrl.signal.aborted) return;
        // The stream dropped before the end: catch up, then follow again.
        void refresh();
        window.setTimeout(() => !ctrl.signal.aborted && setAttempt((a) => a + 1), 3000);
      });
    return () => {
      ctrl.abort();
      if (pending !== undefined) window.clearTimeout(pending);
    };
  }, [id, active, revision, attempt, refresh]);

  return { video, error, refresh, replace: setVideo };
}
