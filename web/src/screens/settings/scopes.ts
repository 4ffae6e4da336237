// What an API key may be allowed to do, in words (the API's KEY_SCOPES, src/ugc/auth/principal.py).
export const KEY_SCOPES: { scope: string; label: string }[] = [
  { scope: "videos:read", label: "See videos and their status" },
  { scope: "videos:write", label: "Create, re-render and cancel videos" },
  { scope: "templates:read", label: "See templates" },
  { scope: "templates:write", label: "Create and change templates" },
  { scope: "brand:read", label: "See brand kits" },
  { scope: "brand:write", label: "Create and change brand kits" },
  { scope: "assets:read", label: "See uploaded media" },
  { scope: "assets:write", label: "Upload and delete media" },
  { scope: "webhooks:read", label: "See webhook endpoints and deliveries" },
  { scope: "webhooks:write", label: "Manage webhook endpoints" },
  { scope: "org:read", label: "See the organisation's details" },
];

export const EVENTS: { event: "video.succeeded" | "video.failed" | "video.cancelled"; label: string }[] = [
  { event: "video.succeeded", label: "A video finished rendering" },
  { event: "video.failed", label: "A video failed" },
  { event: "video.cancelled", label: "A video was cancelled" },
];
