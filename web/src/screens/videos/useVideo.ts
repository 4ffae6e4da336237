// One video, kept live: loaded once, then followed over SSE while it is queued or rendering.
import { useCallback, useEffect, useRef, useState } from "react";

import { api, unwrap } from "../../api/client";
import { ApiError, messageOf } from "../../api/problem";
import { streamEvents } from "../../api/sse";
import { useVisible } from "../useVisible";
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

const RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;
// Signed links live an hour: fetch fresh ones well before that, and on coming back to a stale tab.
const RESIGN_MS = 45 * 60_000;
const STALE_MS = 30 * 60_000;

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

/** The video to show: `next`, unless it is older than what is shown. */
function newer(shown: Video | null, next: Video): Video {
  if (!shown || shown.id !== next.id) return next;
  if (next.revision < shown.revision) return shown;
  // Within one revision a finished render never starts again: an answer saying so is older.
  if (next.revision === shown.revision && !isActive(shown.status) && isActive(next.status)) return shown;
  return next;
}

/** A refusal (gone, not allowed) that reconnecting cannot fix. */
function refused(e: unknown): boolean {
  return e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;
}

export interface LiveVideo {
  video: Video | null;
  error: string | null;
  /** Fetch the full video again (outputs, cached steps, timings). */
  refresh: () => Promise<void>;
  /** Load again and follow again after an error. */
  retry: () => void;
  /** Show a video the API just returned (after cancel or re-render). */
  replace: (v: Video) => void;
}

/** The last SSE snapshot, and the request that was the newest when it came. */
interface Live {
  snap: Snapshot;
  during: number;
}

function useLoad(id: string) {
  const [video, setVideo] = useState<Video | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef(id);
  current.current = id;
  // Each request is numbered: only the newest one's answer is shown, whatever order they land in.
  const seq = useRef(0);
  const live = useRef<Live | null>(null);
  const fetchedAt = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const v = await unwrap(api.GET("/api/v1/videos/{video_id}", { params: { path: { video_id: id } } }));
      if (current.current !== id || mine !== seq.current) return;
      fetchedAt.current = Date.now();
      // Progress that streamed in while this request was on its way is newer than its answer.
      const l = live.current;
      const fresh = l && l.during >= mine && l.snap.revision === v.revision && isActive(v.status) ? merge(v, l.snap) : v;
      setVideo((shown) => newer(shown, fresh));
      setError(null);
    } catch (e) {
      if (current.current === id && mine === seq.current) setError(messageOf(e));
    }
  }, [id]);

  const onSnapshot = useCallback((snap: Snapshot) => {
    live.current = { snap, during: seq.current };
    setVideo((v) => (v && v.revision === snap.revision && isActive(v.status) ? merge(v, snap) : v));
  }, []);

  const replace = useCallback((v: Video) => {
    seq.current += 1; // answers still on their way predate this one
    setVideo(v);
  }, []);

  useEffect(() => {
    setVideo(null);
    setError(null);
    live.current = null;
    void refresh();
  }, [refresh]);

  return { video, error, refresh, replace, onSnapshot, fetchedAt };
}

/** Fetch fresh signed links every 45 minutes while shown, and on return to a tab left over 30 minutes. */
function useFreshLinks(refresh: () => Promise<void>, fetchedAt: { current: number }) {
  const visible = useVisible();
  useEffect(() => {
    if (!visible) return;
    if (fetchedAt.current && Date.now() - fetchedAt.current > STALE_MS) void refresh();
    const timer = window.setInterval(() => void refresh(), RESIGN_MS);
    return () => window.clearInterval(timer);
  }, [visible, refresh, fetchedAt]);
}

export function useVideo(id: string): LiveVideo {
  const { video, error, refresh, replace, onSnapshot, fetchedAt } = useLoad(id);
  const [attempt, setAttempt] = useState(0);
  const [streamError, setStreamError] = useState<string | null>(null);
  const failures = useRef(0);
  useFreshLinks(refresh, fetchedAt);

  const active = video ? isActive(video.status) : false;
  const revision = video?.revision ?? 0;

  useEffect(() => {
    if (!active || streamError) return;
    const ctrl = new AbortController();
    let finished = 0;
    let pending: number | undefined;
    let again: number | undefined;
    // Steps' "reused" flags and timings are only in the full video: fetch it as steps finish.
    const soon = () => {
      pending ??= window.setTimeout(() => {
        pending = undefined;
        void refresh();
      }, 1000);
    };
    const onMessage = (m: { event: string; data: string }) => {
      failures.current = 0; // connected: a later drop starts backing off afresh
      if (m.event !== "progress" && m.event !== "done") return;
      const snap = JSON.parse(m.data) as Snapshot;
      if (snap.revision !== revision) return void refresh();
      onSnapshot(snap);
      if (m.event === "done") return void refresh();
      const n = doneCount(snap);
      if (n > finished) {
        finished = n;
        soon();
      }
    };
    streamEvents(`/api/v1/videos/${id}/events`, onMessage, ctrl.signal)
      .then(() => null, (e: unknown) => e)
      .then((e) => {
        if (ctrl.signal.aborted) return;
        void refresh();
        // Gone or no longer allowed: say so, and stop asking.
        if (refused(e)) return setStreamError(messageOf(e));
        // The stream dropped before the end: catch up, then follow again, waiting longer each time.
        const wait = Math.min(RETRY_MS * 2 ** failures.current, MAX_RETRY_MS);
        failures.current += 1;
        again = window.setTimeout(() => setAttempt((a) => a + 1), wait);
      });
    return () => {
      ctrl.abort();
      window.clearTimeout(pending);
      window.clearTimeout(again);
    };
  }, [id, active, revision, attempt, streamError, refresh, onSnapshot]);

  const retry = useCallback(() => {
    failures.current = 0;
    setStreamError(null);
    setAttempt((a) => a + 1);
    void refresh();
  }, [refresh]);

  return { video, error: error ?? streamError, refresh, retry, replace };
}
