// A brand kit shown read-only: swatches, fonts, voice, tone, banned words and disclosure.
import { COLOR_KEYS, COLOR_LABELS, POSITIONS, type Kit } from "./kit";

export function Swatches({ kit }: { kit: Kit }) {
  const set = COLOR_KEYS.filter((k) => kit.colors[k]);
  if (!set.length) return <p className="muted">No colours set.</p>;
  return (
    <ul className="swatches" aria-label="Colours">
      {set.map((k) => (
        <li key={k}>
          <span className="swatch" style={{ background: kit.colors[k] ?? undefined }} aria-hidden="true" />
          <span className="visually-hidden">
            {COLOR_LABELS[k]}: {kit.colors[k]}
          </span>
        </li>
      ))}
    </ul>
  );
}

const orNot = (v: string | null | undefined) => v || "Not set";

/** The kit's settings as a description list. */
export function KitSummary({ kit }: { kit: Kit }) {
  const position = POSITIONS.find((p) => p.value === kit.disclosure.position)?.label ?? kit.disclosure.position;
  return (
    <dl className="kit-summary">
      {COLOR_KEYS.map((k) => (
        <div key={k}>
          <dt>{COLOR_LABELS[k]}</dt>
          <dd>
            {kit.colors[k] ? <span className="swatch small" style={{ background: kit.colors[k] ?? undefined }} aria-hidden="true" /> : null}
            {orNot(kit.colors[k])}
          </dd>
        </div>
      ))}
      <div>
        <dt>Heading font</dt>
        <dd>{orNot(kit.fonts.heading)}</dd>
      </div>
      <div>
        <dt>Body font</dt>
        <dd>{orNot(kit.fonts.body)}</dd>
      </div>
      <div>
        <dt>Voice</dt>
        <dd>{orNot(kit.voice)}</dd>
      </div>
      <div>
        <dt>Tone</dt>
        <dd>{kit.tone ? kit.tone[0]!.toUpperCase() + kit.tone.slice(1) : "Not set"}</dd>
      </div>
      <div>
        <dt>Banned words</dt>
        <dd>{kit.banned_words.length ? kit.banned_words.join(", ") : "None"}</dd>
      </div>
      <div>
        <dt>Ad disclosure</dt>
        <dd>{kit.disclosure.enabled ? `“${kit.disclosure.text}”, ${position.toLowerCase()}` : "Off"}</dd>
      </div>
    </dl>
  );
}
