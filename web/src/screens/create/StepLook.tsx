// Step 3: persona, setting, voice, music mood and caption style, each with a preview.
import type { Dispatch } from "react";

import type { Async } from "../../components/hooks";
import { Loading, RetryAlert } from "../../components/ui";
import { draftBrief } from "./build";
import type { Catalog } from "./calls";
import { AudioPreview, ImagePreview } from "./Preview";
import { RadioCards, type Choice } from "./RadioCards";
import type { Action, LookKey, WizardState } from "./state";

type Item = Catalog["personas"][number];

function image(kind: string) {
  return (item: Choice & Partial<Item>) => (item.preview_url ? <ImagePreview path={item.preview_url} alt={`Preview of ${kind} ${item.label}`} /> : null);
}

function audio(kind: string) {
  return (item: Choice & Partial<Item>) => (item.preview_url ? <AudioPreview path={item.preview_url} label={`Sample of ${kind} ${item.label}`} /> : null);
}

/** The voices that speak the brief's language (all of them if none does). */
function voicesFor(catalog: Catalog, language: string): Catalog["voices"] {
  const lang = language.toLowerCase().split("-")[0] ?? "";
  const found = catalog.voices.filter((v) => v.language.toLowerCase().split("-")[0] === lang);
  return found.length ? found : catalog.voices;
}

interface Props {
  state: WizardState;
  catalog: Async<Catalog>;
  dispatch: Dispatch<Action>;
}

export function StepLook({ state, catalog, dispatch }: Props) {
  if (catalog.loading && !catalog.data) return <Loading label="Loading the studio's choices…" />;
  if (!catalog.data) {
    return (
      <RetryAlert onRetry={catalog.reload}>{catalog.error ?? "The choices didn't load."}</RetryAlert>
    );
  }
  const c = catalog.data;
  const language = String(draftBrief(state)?.language ?? "en");
  const pick = (key: LookKey) => ({
    name: key,
    value: state.look[key],
    error: state.errors[key],
    onChange: (value: string) => dispatch({ type: "look", key, value }),
  });
  return (
    <div className="stack">
      <p>Leave any of these to the studio and it casts each variant differently, which is good for testing what works.</p>
      <RadioCards legend="Persona" items={c.personas} studioLabel="A different creator per variant." preview={image("persona")} {...pick("persona")} />
      <RadioCards legend="Setting" items={c.settings} studioLabel="A room that suits each variant." preview={image("setting")} {...pick("setting")} />
      <RadioCards legend="Voice" items={voicesFor(c, language)} studioLabel="The brand kit's voice, or one that fits the persona." preview={audio("voice")} {...pick("voice")} />
      {state.music ? <p className="muted">Your uploaded music ({state.music.name}) plays instead of a music mood.</p> : null}
      <RadioCards legend="Music mood" items={c.music_moods} studioLabel="Music that fits each variant's tone." preview={audio("music mood")} {...pick("music_mood")} />
      <RadioCards legend="Caption style" items={c.caption_styles} studioLabel="A caption style per variant." preview={image("caption style")} {...pick("caption_style")} />
    </div>
  );
}
