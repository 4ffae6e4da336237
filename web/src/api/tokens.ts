// Where the session lives: the access token in memory, the refresh token in localStorage so a
// reload (or an installed PWA start) keeps the user in. The chosen organisation belongs to
// this tab (memory, and sessionStorage for a reload): a switch in one tab must never redirect
// another tab's calls. localStorage only remembers the last choice as a new tab's start.
const REFRESH = "ugc.refresh";
export const ORG_KEY = "ugc.org";

let access: string | null = null;
let org: string | null = sessionStorage.getItem(ORG_KEY) ?? localStorage.getItem(ORG_KEY);
const listeners = new Set<() => void>();

export const tokens = {
  access: (): string | null => access,
  refresh: (): string | null => localStorage.getItem(REFRESH),
  org: (): string | null => org,
  set(accessToken: string, refreshToken: string): void {
    access = accessToken;
    localStorage.setItem(REFRESH, refreshToken);
    listeners.forEach((f) => f());
  },
  setOrg(orgId: string | null): void {
    org = orgId;
    if (orgId) {
      sessionStorage.setItem(ORG_KEY, orgId);
      localStorage.setItem(ORG_KEY, orgId);
    } else {
      sessionStorage.removeItem(ORG_KEY);
      localStorage.removeItem(ORG_KEY);
    }
  },
  clear(): void {
    access = null;
    localStorage.removeItem(REFRESH);
    listeners.forEach((f) => f());
  },
  onChange(f: () => void): () => void {
    listeners.add(f);
    return () => listeners.delete(f);
  },
};
