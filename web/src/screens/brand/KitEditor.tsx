// The brand-kit form: every field, field errors from the API beside them, save with a merge-patch.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";

import { api, unwrap } from "../../api/client";
import { ApiError, messageOf } from "../../api/problem";
import { Alert, Badge, Button, Card, Page, SelectField, TextField } from "../../components/ui";
import { BannedWords } from "./BannedWords";
import { ColorFields } from "./ColorFields";
import { DisclosureFields } from "./DisclosureFields";
import { FontFields } from "./FontFields";
import { TONES, formOf, localErrors, patchOf, type Kit, type KitForm } from "./kit";
import { LogoField } from "./LogoField";
import { useCatalog } from "./useCatalog";
import { LEAVE_MESSAGE, useLeaveGuard } from "./useLeaveGuard";
import { VoiceField } from "./VoiceField";

const TONE_OPTIONS = [{ value: "", label: "Not set" }, ...TONES];

function firstError(errors: Record<string, string>, prefix: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === prefix || k.startsWith(`${prefix}.`));
  return key ? errors[key] : undefined;
}

function useKitForm(kit: Kit) {
  const [current, setCurrent] = useState(kit);
  const [saved, setSaved] = useState(() => formOf(kit));
  const [form, setForm] = useState(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const patch = patchOf(saved, form);

  const update = (change: Partial<KitForm>) => {
    setForm((f) => ({ ...f, ...change }));
    setDone(false);
  };
  const accept = (out: Kit) => {
    const f = formOf(out);
    setCurrent(out);
    setSaved(f);
    setForm(f);
  };
  const save = async () => {
    const local = localErrors(form);
    setErrors(local);
    setDone(false);
    if (Object.keys(local).length) return setError("Please fix the highlighted fields, then save again.");
    if (!patch) return setDone(true);
    setBusy(true);
    setError(null);
    try {
      accept(await unwrap(api.PATCH("/api/v1/brand-kits/{kit_id}", { params: { path: { kit_id: kit.id } }, body: patch })));
      setDone(true);
    } catch (e) {
      setErrors(e instanceof ApiError ? e.fields : {});
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  // Only the badge changes: making a kit default must not drop unsaved edits.
  const markDefault = (out: Kit) => setCurrent((c) => ({ ...c, is_default: out.is_default }));
  return { current, form, update, errors, error, done, busy, dirty: patch !== null, save, markDefault };
}

function DefaultAction({ kit, onDone }: { kit: Kit; onDone: (k: Kit) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (kit.is_default) return <Badge tone="good">Default kit</Badge>;
  const run = async () => {
    setBusy(true);
    try {
      onDone(await unwrap(api.POST("/api/v1/brand-kits/{kit_id}/default", { params: { path: { kit_id: kit.id } } })));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="secondary" busy={busy} onClick={() => void run()}>
        Make default
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </>
  );
}

export function KitEditor({ kit }: { kit: Kit }) {
  const k = useKitForm(kit);
  const catalog = useCatalog();
  const { form, update, errors } = k;
  useLeaveGuard(k.dirty);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void k.save();
  };

  return (
    <Page title={k.current.name} actions={<DefaultAction kit={k.current} onDone={k.markDefault} />}>
      <p>
        <Link to="/brand" onClick={(e) => k.dirty && !window.confirm(LEAVE_MESSAGE) && e.preventDefault()}>
          ← All brand kits
        </Link>
      </p>
      {catalog.error ? <Alert kind="info">The list of fonts and voices isn't available right now ({catalog.error}) — you can type them instead.</Alert> : null}
      <form className="kit-form" onSubmit={submit} noValidate aria-label="Brand kit">
        <div className="kit-cols">
          <div>
            <Card>
              <TextField label="Kit name" maxLength={200} value={form.name} error={errors["name"]} onChange={(e) => update({ name: e.target.value })} />
            </Card>
            <ColorFields colors={form.colors} errors={errors} onChange={(key, v) => update({ colors: { ...form.colors, [key]: v } })} />
            <FontFields fonts={form.fonts} catalog={catalog.data} errors={errors} onChange={(role, v) => update({ fonts: { ...form.fonts, [role]: v } })} />
            <LogoField assetId={form.logo_asset_id} canEdit error={errors["logo_asset_id"]} onChange={(id) => update({ logo_asset_id: id })} />
          </div>
          <div>
            <VoiceField voice={form.voice} catalog={catalog.data} error={errors["voice"]} onChange={(voice) => update({ voice })} />
            <fieldset>
              <legend>Tone</legend>
              <SelectField label="Tone of voice" hint="How scripts for this brand should sound." value={form.tone} options={TONE_OPTIONS} error={errors["tone"]} onChange={(e) => update({ tone: e.target.value })} />
            </fieldset>
            <BannedWords words={form.banned_words} error={firstError(errors, "banned_words")} onChange={(w) => update({ banned_words: w })} />
            <DisclosureFields value={form.disclosure} errors={errors} onChange={(disclosure) => update({ disclosure })} />
          </div>
        </div>
        <div className="save-bar">
          <Button type="submit" busy={k.busy}>
            Save changes
          </Button>
          <span role="status" className={k.done ? "save-status saved" : "save-status"}>
            {k.done ? "Saved" : k.dirty ? "Unsaved changes" : ""}
          </span>
        </div>
        {k.error ? <Alert>{k.error}</Alert> : null}
      </form>
    </Page>
  );
}
