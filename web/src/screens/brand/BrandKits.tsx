// The organisation's brand kits: which is the default, create, make default, delete.
import { useState } from "react";
import { Link } from "react-router";

import { api, unwrap } from "../../api/client";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/session";
import { useAsync } from "../../components/hooks";
import { Alert, Badge, Button, Empty, Loading, Page, RetryAlert } from "../../components/ui";
import { ConfirmButton } from "../../components/ConfirmButton";
import type { Kit } from "./kit";
import { Swatches } from "./KitSummary";
import { NewKitForm } from "./NewKitForm";
import "./brand.css";

function KitCard({ kit, canEdit, onChanged, onDone }: { kit: Kit; canEdit: boolean; onChanged: () => void; onDone: (msg: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fonts = [kit.fonts.heading, kit.fonts.body].filter(Boolean).join(" / ");

  const makeDefault = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST("/api/v1/brand-kits/{kit_id}/default", { params: { path: { kit_id: kit.id } } }));
      onDone(`“${kit.name}” is now the default brand kit.`);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    await unwrap(api.DELETE("/api/v1/brand-kits/{kit_id}", { params: { path: { kit_id: kit.id } } }));
    onDone(`“${kit.name}” was deleted.`);
    onChanged();
  };

  return (
    <li className="card kit-card" aria-labelledby={`kit-${kit.id}`}>
      <div className="card-head">
        <h2 id={`kit-${kit.id}`}>{kit.name}</h2>
        {kit.is_default ? <Badge tone="good">Default</Badge> : null}
      </div>
      <Swatches kit={kit} />
      <p className="muted kit-meta">
        {fonts || "Studio fonts"} · {kit.tone ? `${kit.tone} tone` : "no tone set"}
        {kit.logo_asset_id ? " · logo" : ""}
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <div className="row kit-actions">
        <Link className="btn btn-secondary" to={`/brand/${kit.id}`} aria-label={`${canEdit ? "Edit" : "View"} ${kit.name}`}>
          {canEdit ? "Edit" : "View"}
        </Link>
        {canEdit && !kit.is_default ? (
          <Button variant="ghost" busy={busy} aria-label={`Make default: ${kit.name}`} onClick={() => void makeDefault()}>
            Make default
          </Button>
        ) : null}
        {canEdit ? (
          <ConfirmButton label="Delete" name={`Delete ${kit.name}`} title={`Delete “${kit.name}”?`} confirmLabel="Delete brand kit" onConfirm={remove}>
            <p>
              Videos already made keep their look. New videos won't be able to use this kit.
              {kit.is_default ? " It is your default kit, so new videos will have no default until you pick another." : ""}
            </p>
          </ConfirmButton>
        ) : null}
      </div>
    </li>
  );
}

export default function BrandKits() {
  const { can } = useSession();
  const canEdit = can("brand:write");
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const kits = useAsync(() => unwrap(api.GET("/api/v1/brand-kits", { params: { query: { limit: 100 } } })), []);
  const items = kits.data?.items ?? [];

  const newButton = canEdit && !creating ? <Button onClick={() => setCreating(true)}>New brand kit</Button> : null;
  return (
    <Page title="Brand kits" actions={newButton}>
      <p className="muted lead">Colours, fonts, logo, voice and rules that every video follows. The default kit applies unless a video picks another.</p>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {creating ? <NewKitForm onCancel={() => setCreating(false)} /> : null}
      {kits.error ? (
        <RetryAlert onRetry={kits.reload}>{kits.error}</RetryAlert>
      ) : null}
      {kits.loading && !kits.data ? <Loading label="Loading brand kits…" /> : null}
      {kits.data && !items.length && !creating ? (
        <Empty title="No brand kits yet">
          <p>A brand kit keeps your colours, fonts, logo and voice the same in every video.</p>
          {canEdit ? <Button onClick={() => setCreating(true)}>Create your first brand kit</Button> : <p className="muted">Ask an editor or admin to create one.</p>}
        </Empty>
      ) : null}
      {items.length ? (
        <ul className="grid kit-list">
          {items.map((k) => (
            <KitCard key={k.id} kit={k} canEdit={canEdit} onChanged={kits.reload} onDone={setNotice} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
