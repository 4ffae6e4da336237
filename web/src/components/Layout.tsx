// The signed-in frame: header with the organisation switcher, navigation and the account menu.
import { useEffect, useId, useState, type FormEvent, type ReactNode } from "react";
import { NavLink, useNavigate } from "react-router";

import { useSession } from "../auth/session";
import { Alert, Button, usePageHeading } from "./ui";

interface NavItem {
  to: string;
  label: string;
  permission?: string;
}

const NAV: NavItem[] = [
  { to: "/create", label: "Create", permission: "videos:write" },
  { to: "/videos", label: "Library" },
  { to: "/templates", label: "Templates" },
  { to: "/brand", label: "Brand kits" },
  { to: "/team", label: "Team" },
  { to: "/settings", label: "Settings", permission: "keys:read" },
];

/** Choose an organisation, then press Switch: arrowing through the list changes nothing. */
function OrgSwitcher() {
  const { me, org, switchOrg } = useSession();
  const navigate = useNavigate();
  const id = useId();
  const current = org?.organization_id ?? "";
  const [choice, setChoice] = useState(current);
  useEffect(() => setChoice(current), [current]);
  if (!me || !org) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (choice === "__new") navigate("/onboarding");
    else if (choice !== current) {
      switchOrg(choice);
      navigate("/videos");
    }
  };
  return (
    <form className="org-switcher" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        Organisation
      </label>
      <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
        {me.memberships.map((m) => (
          <option key={m.organization_id} value={m.organization_id}>
            {m.name} ({m.role})
          </option>
        ))}
        <option value="__new">+ New organisation…</option>
      </select>
      <Button type="submit" variant="ghost" aria-label="Switch organisation">
        Switch
      </Button>
    </form>
  );
}

/** Another tab switched organisation: say so (this tab keeps its own) and offer to follow. */
function OtherTabNotice() {
  const { org, otherTabOrg, switchOrg, dismissOtherTab } = useSession();
  const navigate = useNavigate();
  if (!org || !otherTabOrg || otherTabOrg.organization_id === org.organization_id) return null;
  return (
    <Alert kind="info">
      Another tab is now working in <strong>{otherTabOrg.name}</strong>. This tab stays in <strong>{org.name}</strong>.{" "}
      <span className="row other-tab-actions">
        <Button
          variant="secondary"
          onClick={() => {
            switchOrg(otherTabOrg.organization_id);
            navigate("/videos");
          }}
        >
          Switch this tab too
        </Button>
        <Button variant="ghost" onClick={dismissOtherTab}>
          Stay in {org.name}
        </Button>
      </span>
    </Alert>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { me, org, can, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/videos" className="brand-mark" aria-label="UGC Studio home">
          <img src="/icons/icon-192.png" alt="" width={28} height={28} />
          <span>UGC Studio</span>
        </NavLink>
        <OrgSwitcher />
        <button type="button" className="menu-toggle" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen(!open)}>
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className={open ? "nav open" : "nav"}>
          <ul>
            {/* Without an organisation (onboarding) there is nothing to browse yet. */}
            {NAV.filter((n) => org && (!n.permission || can(n.permission))).map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} onClick={() => setOpen(false)}>
                  {n.label}
                </NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/account" onClick={() => setOpen(false)} title={me?.email}>
                Account
              </NavLink>
            </li>
            <li>
              <button
                type="button"
                className="link-button"
                onClick={() => void signOut().then(() => navigate("/signin"))}
              >
                Sign out
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <OtherTabNotice />
        {children}
      </main>
    </div>
  );
}

/** The frame of the signed-out screens: a centred card. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const heading = usePageHeading(title);
  return (
    <main id="main" className="auth-frame">
      <div className="auth-card">
        <div className="auth-logo">
          <img src="/icons/icon-192.png" alt="" width={40} height={40} />
          <span>UGC Creator Studio</span>
        </div>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </div>
    </main>
  );
}
