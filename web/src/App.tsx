// Routes: signed-out screens, onboarding, and the signed-in studio inside the Layout.
import { lazy, Suspense, useRef, useState, type ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";

import { SessionProvider, useSession } from "./auth/session";
import { AuthFrame, Layout } from "./components/Layout";
import { Button, Loading, noteNavigation } from "./components/ui";
import { safeNext } from "./screens/auth/forms";

const SignUp = lazy(() => import("./screens/auth/SignUp"));
const Verify = lazy(() => import("./screens/auth/Verify"));
const SignIn = lazy(() => import("./screens/auth/SignIn"));
const Forgot = lazy(() => import("./screens/auth/Forgot"));
const ResetPassword = lazy(() => import("./screens/auth/ResetPassword"));
const AcceptInvite = lazy(() => import("./screens/auth/AcceptInvite"));
const Onboarding = lazy(() => import("./screens/Onboarding"));
const Account = lazy(() => import("./screens/Account"));
const Team = lazy(() => import("./screens/Team"));
const BrandKits = lazy(() => import("./screens/brand/BrandKits"));
const BrandKitEditor = lazy(() => import("./screens/brand/BrandKitEditor"));
const Templates = lazy(() => import("./screens/templates/Templates"));
const Settings = lazy(() => import("./screens/settings/Settings"));
const CreateWizard = lazy(() => import("./screens/create/CreateWizard"));
const Library = lazy(() => import("./screens/videos/Library"));
const VideoDetail = lazy(() => import("./screens/videos/VideoDetail"));
const NotFound = lazy(() => import("./screens/NotFound"));

/** A stored session the server can't be reached to open: say so rather than ask to sign in. */
function Offline() {
  const { retry } = useSession();
  const [busy, setBusy] = useState(false);
  const online = navigator.onLine;
  const again = () => {
    setBusy(true);
    void retry().finally(() => setBusy(false));
  };
  return (
    <AuthFrame title={online ? "We can't reach the studio" : "You're offline"}>
      <p>
        {online
          ? "The studio isn't answering right now. You're still signed in: try again in a moment."
          : "You're still signed in. Connect to the internet, then try again."}
      </p>
      <Button busy={busy} onClick={again}>
        Try again
      </Button>
    </AuthFrame>
  );
}

/** Note route changes (not the first load) so the new page's heading takes focus. */
function RouteFocus({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const last = useRef(pathname);
  // During render, before the new page's effects run: the page reads the note when it mounts.
  if (last.current !== pathname) {
    last.current = pathname;
    noteNavigation();
  }
  return <>{children}</>;
}

/** Signed-in screens; no organisation yet sends the user to create one. */
function Studio({ children, needsOrg = true }: { children: ReactNode; needsOrg?: boolean }) {
  const { status, org } = useSession();
  const location = useLocation();
  if (status === "loading") return <Loading label="Opening the studio…" />;
  if (status === "offline") return <Offline />;
  if (status === "signed-out") {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  if (needsOrg && !org) return <Navigate to="/onboarding" replace />;
  return <Layout>{children}</Layout>;
}

/** Signed-out screens; a signed-in user goes to the library instead. */
function Public({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === "loading") return <Loading label="Opening the studio…" />;
  if (status === "offline") return <Offline />;
  if (status === "signed-in") {
    // Honour ?next= (same-site paths only): signing in from /signin?next=… lands there.
    return <Navigate to={safeNext(new URLSearchParams(location.search).get("next"))} replace />;
  }
  return <>{children}</>;
}

export default function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <RouteFocus>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/signup" element={<Public><SignUp /></Public>} />
              <Route path="/signin" element={<Public><SignIn /></Public>} />
              <Route path="/forgot" element={<Public><Forgot /></Public>} />
              <Route path="/verify" element={<Verify />} />
              <Route path="/reset-password" element={<ResetPassword />} />
              <Route path="/invite" element={<AcceptInvite />} />
              <Route path="/onboarding" element={<Studio needsOrg={false}><Onboarding /></Studio>} />
              <Route path="/account" element={<Studio needsOrg={false}><Account /></Studio>} />
              <Route path="/team" element={<Studio><Team /></Studio>} />
              <Route path="/brand" element={<Studio><BrandKits /></Studio>} />
              <Route path="/brand/:kitId" element={<Studio><BrandKitEditor /></Studio>} />
              <Route path="/templates" element={<Studio><Templates /></Studio>} />
              <Route path="/settings/*" element={<Studio><Settings /></Studio>} />
              <Route path="/create" element={<Studio><CreateWizard /></Studio>} />
              <Route path="/videos" element={<Studio><Library /></Studio>} />
              <Route path="/videos/:videoId" element={<Studio><VideoDetail /></Studio>} />
              <Route path="/" element={<Navigate to="/videos" replace />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </RouteFocus>
      </BrowserRouter>
    </SessionProvider>
  );
}
