// The five brand colours: a colour picker and a hex field each, and a live contrast hint.
import { useId } from "react";

import { COLOR_KEYS, COLOR_LABELS, HEX, contrast, type ColorKey } from "./kit";

interface Props {
  colors: Record<ColorKey, string>;
  errors: Record<string, string>;
  onChange: (key: ColorKey, value: string) => void;
}

function ColorField({ name, value, error, onChange }: { name: ColorKey; value: string; error?: string | undefined; onChange: (v: string) => void }) {
  const id = useId();
  const label = COLOR_LABELS[name];
  const valid = HEX.test(value);
  return (
    <div className="field color-field" role="group" aria-labelledby={`${id}-label`}>
      <span className="label" id={`${id}-label`}>
        {label}
      </span>
      <div className="color-inputs">
        <input
          type="color"
          aria-label={`${label} picker`}
          // Unset shows white, which reads as "empty" next to the "Not set" placeholder.
          value={valid ? value.toLowerCase() : "#ffffff"}
          onChange={(e) => onChange(e.target.value)}
        />
        <input
          id={`${id}-hex`}
          type="text"
          inputMode="text"
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
          placeholder="Not set"
          aria-label={`${label} hex code`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={(e) => {
            const v = e.target.value.trim();
            // Forgive a missing "#" or a pasted 3-digit shorthand.
            if (/^[0-9a-f]{6}$/i.test(v)) onChange(`#${v}`);
            else if (/^#?[0-9a-f]{3}$/i.test(v)) onChange(`#${v.replace("#", "").replace(/./g, "$&$&")}`);
          }}
        />
      </div>
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** How readable the text colour is on the primary colour, in words and as a ratio. */
export function ContrastHint({ text, primary }: { text: string; primary: string }) {
  const ratio = contrast(text, primary);
  let message: string;
  let tone: "good" | "bad" | "none" = "none";
  if (ratio === null) message = "Set the text and primary colours to check how readable captions will be.";
  else if (ratio >= 4.5) {
    tone = "good";
    message = `Text on primary: ${ratio.toFixed(1)}:1 — easy to read.`;
  } else {
    tone = "bad";
    message = `Text on primary: ${ratio.toFixed(1)}:1 — hard to read on a phone. Aim for at least 4.5:1.`;
  }
  return (
    <div className={`contrast contrast-${tone}`}>
      {ratio !== null ? (
        // A sample of the two colours; drawn in SVG so it is decoration, not page text.
        <svg className="contrast-sample" viewBox="0 0 64 40" width="64" height="40" aria-hidden="true" focusable="false">
          <rect width="64" height="40" rx="6" fill={primary} />
          <text x="32" y="27" textAnchor="middle" fontSize="18" fontWeight="700" fill={text}>
            Aa
          </text>
        </svg>
      ) : null}
      <p aria-live="polite" className="contrast-text">
        {message}
      </p>
    </div>
  );
}

export function ColorFields({ colors, errors, onChange }: Props) {
  return (
    <fieldset>
      <legend>Colours</legend>
      <div className="color-grid">
        {COLOR_KEYS.map((k) => (
          <ColorField key={k} name={k} value={colors[k]} error={errors[`colors.${k}`]} onChange={(v) => onChange(k, v)} />
        ))}
      </div>
      <ContrastHint text={colors.text} primary={colors.primary} />
    </fieldset>
  );
}
