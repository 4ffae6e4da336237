// Organisation settings for admins: API keys and webhook endpoints (with their delivery logs).
import { NavLink, Navigate, Route, Routes } from "react-router";

import { useSession } from "../../auth/session";
import { Alert, Page } from "../../components/ui";
import { ApiKeys } from "./ApiKeys";
import { EndpointDetail } from "./EndpointDetail";
import { Webhooks } from "./Webhooks";
import "./settings.css";

export default function Settings() {
  const { can, org } = useSession();
  const keys = can("keys:read");
  const hooks = can("webhooks:read");
  if (!keys && !hooks)
    return (
      <Page title="Settings">
        <Alert>
          Settings are for admins only. Your role in {org?.name ?? "this organisation"} is {org?.role ?? "member"}: ask an admin or the owner if you need an API key
          or a webhook.
        </Alert>
      </Page>
    );
  const first = keys ? "keys" : "webhooks";
  return (
    <Page title="Settings">
      <nav aria-label="Settings sections" className="tabs">
        {keys ? <NavLink to="/settings/keys">API keys</NavLink> : null}
        {hooks ? <NavLink to="/settings/webhooks">Webhooks</NavLink> : null}
      </nav>
      <Routes>
        <Route index element={<Navigate to={first} replace />} />
        {keys ? <Route path="keys" element={<ApiKeys />} /> : null}
        {hooks ? <Route path="webhooks" element={<Webhooks />} /> : null}
        {hooks ? <Route path="webhooks/:endpointId" element={<EndpointDetail />} /> : null}
        <Route path="*" element={<Alert>There's no such settings page. Choose a section above.</Alert>} />
      </Routes>
    </Page>
  );
}
