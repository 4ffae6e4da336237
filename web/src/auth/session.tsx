// The signed-in user, their organisations and the chosen one, and what their role allows.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { api, refreshSession, unwrap, type Schemas } from "../api/client";
import { tokens } from "../api/tokens";

type Me = Schemas["MeOut"];
type Membership = Schemas["MembershipOut"];

export interface Session {
  status: "loading" | "signed-out" | "signed-in";
  me: Me | null;
  org: Membership | null;
  /** Store fresh tokens (after sign-in) and load the user. */
  signIn: (t: Schemas["TokensOut"]) => Promise<void>;
  signOut: () => Promise<void>;
  /** Reload the user and their memberships, opening `orgId` if given (after creating or joining one). */
  reload: (orgId?: string) => Promise<void>;
  switchOrg: (orgId: string) => void;
  /** True when the current role in the current organisation has this permission. */
  can: (permission: string) => boolean;
}

const SessionContext = createContext<Session | null>(null);

function pickOrg(me: Me): Membership | null {
  const saved = tokens.org();
  return me.memberships.find((m) => m.organization_id === saved) ?? me.memberships[0] ?? null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session["status"]>("loading");
  const [me, setMe] = useState<Me | null>(null);
  const [org, setOrg] = useState<Membership | null>(null);
  // switchOrg may run right after reload(): read the newest memberships, not a stale closure.
  const meRef = useRef<Me | null>(null);
  meRef.current = me;

  const load = useCallback(async (orgId?: string) => {
    if (orgId) tokens.setOrg(orgId);
    try {
      const user = await unwrap(api.GET("/api/v1/auth/me"));
      const chosen = pickOrg(user);
      tokens.setOrg(chosen?.organization_id ?? null);
      meRef.current = user;
      setMe(user);
      setOrg(chosen);
      setStatus("signed-in");
    } catch {
      tokens.clear();
      setMe(null);
      setOrg(null);
      setStatus("signed-out");
    }
  }, []);

  useEffect(() => {
    void (async () => {
      if (tokens.refresh() && (await refreshSession())) await load();
      else setStatus("signed-out");
    })();
    // Another tab signing out clears the shared refresh token: follow it.
    const onStorage = (e: StorageEvent) => {
      if (e.key === "ugc.refresh" && e.newValue === null) {
        tokens.clear();
        setStatus("signed-out");
      }
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [load]);

  const value = useMemo<Session>(
    () => ({
      status,
      me,
      org,
      signIn: async (t) => {
        tokens.set(t.access_token, t.refresh_token);
        await load();
      },
      signOut: async () => {
        const refresh = tokens.refresh();
        if (refresh) await api.POST("/api/v1/auth/logout", { body: { refresh_token: refresh } }).catch(() => null);
        tokens.clear();
        tokens.setOrg(null);
        setMe(null);
        setOrg(null);
        setStatus("signed-out");
      },
      reload: load,
      switchOrg: (orgId) => {
        const next = meRef.current?.memberships.find((m) => m.organization_id === orgId) ?? null;
        tokens.setOrg(next?.organization_id ?? null);
        setOrg(next);
      },
      can: (permission) => org?.permissions.includes(permission) ?? false,
    }),
    [status, me, org, load],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}
