// The signed-in user, their organisations and the chosen one, and what their role allows.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { api, refreshTokens, unwrap, type Schemas } from "../api/client";
import { ApiError } from "../api/problem";
import { ORG_KEY, tokens } from "../api/tokens";

type Me = Schemas["MeOut"];
type Membership = Schemas["MembershipOut"];

export interface Session {
  /** "offline": a session is stored but the server can't be reached to open it (not signed out). */
  status: "loading" | "signed-out" | "signed-in" | "offline";
  me: Me | null;
  org: Membership | null;
  /** An organisation another tab switched to (this tab stays where it is), until dismissed. */
  otherTabOrg: Membership | null;
  /** Store fresh tokens (after sign-in) and load the user. */
  signIn: (t: Schemas["TokensOut"]) => Promise<void>;
  signOut: () => Promise<void>;
  /** Reload the user and their memberships, opening `orgId` if given (after creating or joining one). */
  reload: (orgId?: string) => Promise<void>;
  /** Try to open the stored session again (after being offline). */
  retry: () => Promise<void>;
  switchOrg: (orgId: string) => void;
  dismissOtherTab: () => void;
  /** True when the current role in the current organisation has this permission. */
  can: (permission: string) => boolean;
}

const SessionContext = createContext<Session | null>(null);

function pickOrg(me: Me): Membership | null {
  const saved = tokens.org();
  return me.memberships.find((m) => m.organization_id === saved) ?? me.memberships[0] ?? null;
}

/** Follow other tabs: a sign-out signs this tab out; an organisation switch is only reported. */
function useOtherTabs(meRef: { current: Me | null }, signedOut: () => void, setOtherTabOrg: (m: Membership | null) => void) {
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === "ugc.refresh" && e.newValue === null) signedOut();
      if (e.key === ORG_KEY && e.newValue && e.newValue !== tokens.org()) {
        setOtherTabOrg(meRef.current?.memberships.find((m) => m.organization_id === e.newValue) ?? null);
      }
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [meRef, signedOut, setOtherTabOrg]);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session["status"]>("loading");
  const [me, setMe] = useState<Me | null>(null);
  const [org, setOrg] = useState<Membership | null>(null);
  const [otherTabOrg, setOtherTabOrg] = useState<Membership | null>(null);
  // switchOrg may run right after reload(): read the newest memberships, not a stale closure.
  const meRef = useRef<Me | null>(null);
  meRef.current = me;
  const statusRef = useRef(status);
  statusRef.current = status;

  const signedOut = useCallback(() => {
    tokens.clear();
    setMe(null);
    setOrg(null);
    setStatus("signed-out");
  }, []);

  const load = useCallback(
    async (orgId?: string) => {
      if (orgId) tokens.setOrg(orgId);
      try {
        const user = await unwrap(api.GET("/api/v1/auth/me"));
        const chosen = pickOrg(user);
        if ((chosen?.organization_id ?? null) !== tokens.org()) tokens.setOrg(chosen?.organization_id ?? null);
        meRef.current = user;
        setMe(user);
        setOrg(chosen);
        setStatus("signed-in");
      } catch (e) {
        // Only the server saying no ends the session; a network error or a 5xx keeps the tokens.
        if (e instanceof ApiError && e.status === 401) signedOut();
        else if (statusRef.current !== "signed-in") setStatus("offline");
      }
    },
    [signedOut],
  );

  const open = useCallback(async () => {
    if (!tokens.refresh()) return setStatus("signed-out");
    const outcome = await refreshTokens();
    if (outcome === "ok") await load();
    else setStatus(outcome === "refused" ? "signed-out" : "offline");
  }, [load]);

  useEffect(() => {
    void open();
  }, [open]);
  useEffect(() => {
    const online = () => {
      if (statusRef.current === "offline") void open();
    };
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [open]);
  useOtherTabs(meRef, signedOut, setOtherTabOrg);

  const value = useMemo<Session>(
    () => ({
      status,
      me,
      org,
      otherTabOrg,
      signIn: async (t) => {
        tokens.set(t.access_token, t.refresh_token);
        await load();
      },
      signOut: async () => {
        const refresh = tokens.refresh();
        if (refresh) await api.POST("/api/v1/auth/logout", { body: { refresh_token: refresh } }).catch(() => null);
        tokens.setOrg(null);
        signedOut();
      },
      reload: load,
      retry: open,
      switchOrg: (orgId) => {
        const next = meRef.current?.memberships.find((m) => m.organization_id === orgId) ?? null;
        tokens.setOrg(next?.organization_id ?? null);
        setOrg(next);
        setOtherTabOrg(null);
      },
      dismissOtherTab: () => setOtherTabOrg(null),
      can: (permission) => org?.permissions.includes(permission) ?? false,
    }),
    [status, me, org, otherTabOrg, load, open, signedOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}
