// Routes: signed-out screens, onboarding, and the signed-in studio inside the Layout.
import { lazy, Suspense, type ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";

import { SessionProvider, useSession } from "./auth/session";
import { Layout } from "./components/Layout";
import { Loading } from "./components/ui";

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

/** Signed-in screens; no organisation yet sends the user to create one. */
function Studio({ children, needsOrg = true }: { children: ReactNode; needsOrg?: boolean }) {
  const { status, org } = useSession();
  const location = useLocation();
  if (status === "loading") return <Loading label="Opening the studio…" />;
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
  if (status === "signed-in") {
    // Honour ?next= (same-site paths only): signing in from /signin?next=… lands there.
    const next = new URLSearchParams(location.search).get("next");
    const safe = next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/videos";
    return <Navigate to={safe} replace />;
  }
  return <>{children}</>;
}

export default function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
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
      </BrowserRouter>
    </SessionProvider>
  );
}
