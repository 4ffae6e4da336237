// /create (and /create?template=<id> from the gallery): the create-video wizard, for roles that may render.
import { Link, useSearchParams } from "react-router";

import { useSession } from "../../auth/session";
import { Alert, Page } from "../../components/ui";
import { Wizard } from "./Wizard";

export default function CreateWizard() {
  const { can, org } = useSession();
  const [params] = useSearchParams();
  if (!can("videos:write")) {
    return (
      <Page title="Create a video">
        <Alert kind="info">
          Your role in {org?.name ?? "this organisation"} ({org?.role ?? "viewer"}) can watch and download videos but not create
          them. Ask an admin to make you an editor. Meanwhile, <Link to="/videos">browse the library</Link>.
        </Alert>
      </Page>
    );
  }
  const template = params.get("template");
  // A new organisation or a new template link starts a fresh wizard.
  return <Wizard key={`${org?.organization_id ?? ""}:${template ?? ""}`} templateParam={template} />;
}
