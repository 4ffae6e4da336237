// Where the session lives: the access token in memory, the refresh token and the chosen
// organisation in localStorage so a reload (or an installed PWA start) keeps the user in.
const REFRESH = "ugc.refresh";
const ORG = "ugc.org";

let access: string | null = null;
const listeners = new Set<() => void>();

export const tokens = {
  access: (): string | null => access,
  refresh: (): string | null => localStorage.getItem(REFRESH),
  org: (): string | null => localStorage.getItem(ORG),
  set(accessToken: string, refreshToken: string): void {
    access = accessToken;
    localStorage.setItem(REFRESH, refreshToken);
    listeners.forEach((f) => f());
  },
  setOrg(orgId: string | null): void {
    if (orgId) localStorage.setItem(ORG, orgId);
    else localStorage.removeItem(ORG);
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
