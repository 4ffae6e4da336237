// A radio group drawn as cards: real radio inputs (arrow keys move the choice), a legend, a preview.
import { useId, type ReactNode } from "react";

export interface Choice {
  id: string;
  label: string;
  description?: string | null;
}

interface Props {
  legend: string;
  name: string;
  items: Choice[];
  value: string;
  onChange: (id: string) => void;
  /** The first card: leave the choice to the studio (an empty value). */
  studioLabel?: string;
  error?: string | undefined;
  preview?: (item: Choice) => ReactNode;
}

export function RadioCards({ legend, name, items, value, onChange, studioLabel, error, preview }: Props) {
  const base = useId();
  const all: Choice[] = studioLabel ? [{ id: "", label: "Let the studio choose", description: studioLabel }, ...items] : items;
  const chosen = items.find((i) => i.id === value);
  return (
    <fieldset className="radio-cards" aria-describedby={error ? `${base}-error` : undefined}>
      <legend>{legend}</legend>
      {error ? <p id={`${base}-error`} className="field-error">{error}</p> : null}
      <div className="rc-layout">
        <div className="cards">
          {all.map((item, i) => {
            const id = `${base}-${i}`;
            return (
              <div className="radio-card" key={item.id || "studio"}>
                <input type="radio" id={id} name={name} value={item.id} checked={value === item.id} aria-describedby={item.description ? `${id}-d` : undefined} onChange={() => onChange(item.id)} />
                <label htmlFor={id}>{item.label}</label>
                {item.description ? (
                  <span id={`${id}-d`} className="rc-desc">
                    {item.description}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
        {preview && chosen ? <div className="rc-preview">{preview(chosen)}</div> : null}
      </div>
    </fieldset>
  );
}
