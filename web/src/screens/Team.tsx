// The team: members and their roles, pending invitations, and inviting someone. Controls
// appear only for roles that may use them; if the API still refuses (the role changed
// while the page was open), its message stays at the top and the page catches up.
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";

import { tokens } from "../api/tokens";
import { useSession } from "../auth/session";
import { Alert, Page } from "../components/ui";
import { Invitations } from "./team/Invitations";
import { Members } from "./team/Members";
import "./team/team.css";

export default function Team() {
  const { org, can, reload } = useSession();
  const navigate = useNavigate();
  const [refused, setRefused] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (refused) alertRef.current?.focus();
  }, [refused]);

  if (!org) return null;
  const orgId = org.organization_id;

  const onRefused = (message: string) => {
    setRefused(message);
    // Pick up the role as it is now, so the controls it no longer allows disappear.
    void reload().then(() => setTick((t) => t + 1));
  };
  const onLeft = () => {
    tokens.setOrg(null);
    void reload().then(() => navigate("/videos", { replace: true }));
  };

  return (
    <Page title="Team">
      <p className="muted team-intro">
        People in <strong>{org.name}</strong>.{" "}
        {can("members:write") ? "Invite teammates and choose what each of them can do." : "Only admins and owners can invite people or change roles."}
      </p>
      <div ref={alertRef} tabIndex={-1} className="team-refused">
        {refused ? <Alert>{refused}</Alert> : null}
      </div>
      <Members orgId={orgId} tick={tick} onLeft={onLeft} onRefused={onRefused} />
      <Invitations orgId={orgId} tick={tick} onRefused={onRefused} />
    </Page>
  );
}
