// Server-sent events over fetch: EventSource cannot send the Authorization header.
import { authedFetch } from "./client";
import { ApiError } from "./problem";

export interface SseMessage {
  event: string;
  data: string;
  id: string | null;
}

function parse(block: string): SseMessage | null {
  let event = "message";
  let id: string | null = null;
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const i = line.indexOf(":");
    const field = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? "" : line.slice(i + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") id = value;
  }
  return data.length ? { event, data: data.join("\n"), id } : null;
}

/** Stream `path`'s events to `onMessage` until the server ends it or `signal` aborts. */
export async function streamEvents(
  path: string,
  onMessage: (m: SseMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  const res = await authedFetch(new Request(path, { headers: { accept: "text/event-stream" }, signal }));
  if (!res.ok || !res.body) throw new ApiError(res.status, {}, null);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, "\n");
    let cut: number;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const msg = parse(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
      if (msg) onMessage(msg);
    }
  }
}
