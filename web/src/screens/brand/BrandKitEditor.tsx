// One brand kit: the editor for editors and admins, a read-only view for viewers; "new" creates one.
import { Link, useParams } from "react-router";

import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/session";
import { useAsync } from "../../components/hooks";
import { Alert, Badge, Button, Card, Loading, Page } from "../../components/ui";
import type { Kit } from "./kit";
import { KitEditor } from "./KitEditor";
import { KitSummary } from "./KitSummary";
import { LogoField } from "./LogoField";
import { NewKitForm } from "./NewKitForm";
import "./brand.css";

function KitView({ kit }: { kit: Kit }) {
  return (
    <Page title={kit.name} actions={kit.is_default ? <Badge tone="good">Default kit</Badge> : null}>
      <p>
        <Link to="/brand">← All brand kits</Link>
      </p>
      <Alert kind="info">You can view this brand kit. Ask an editor or admin if it needs changing.</Alert>
      <Card>
        <KitSummary kit={kit} />
      </Card>
      <LogoField assetId={kit.logo_asset_id} canEdit={false} onChange={() => undefined} />
    </Page>
  );
}

function KitPage({ kitId }: { kitId: string }) {
  const { can } = useSession();
  const kit = useAsync(() => unwrap(api.GET("/api/v1/brand-kits/{kit_id}", { params: { path: { kit_id: kitId } } })), [kitId]);
  if (kit.error)
    return (
      <Page title="Brand kit">
        <Alert>{kit.error}</Alert>
        <div className="row">
          <Button variant="secondary" onClick={kit.reload}>
            Try again
          </Button>
          <Link to="/brand">Back to brand kits</Link>
        </div>
      </Page>
    );
  if (!kit.data) return <Loading label="Loading the brand kit…" />;
  // key: a different kit starts a fresh form rather than keeping the last one's edits.
  return can("brand:write") ? <KitEditor key={kit.data.id} kit={kit.data} /> : <KitView kit={kit.data} />;
}

export default function BrandKitEditor() {
  const { kitId = "new" } = useParams();
  const { can } = useSession();
  if (kitId !== "new") return <KitPage kitId={kitId} />;
  return (
    <Page title="New brand kit">
      {can("brand:write") ? (
        <NewKitForm titled={false} />
      ) : (
        <Alert>You don't have permission to create brand kits. Ask an editor or admin of this organisation.</Alert>
      )}
    </Page>
  );
}
