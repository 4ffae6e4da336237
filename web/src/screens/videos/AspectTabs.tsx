// Aspect-ratio tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between them).
import { useRef, type KeyboardEvent } from "react";

export function tabId(aspect: string): string {
  return `aspect-tab-${aspect.replace(":", "x")}`;
}

export const PANEL_ID = "aspect-panel";

export function AspectTabs({ aspects, value, onChange }: { aspects: string[]; value: string; onChange: (a: string) => void }) {
  const list = useRef<HTMLDivElement>(null);

  const move = (e: KeyboardEvent, i: number) => {
    const last = aspects.length - 1;
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = aspects[(to + aspects.length) % aspects.length]!;
    onChange(next);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(next)}`)?.focus();
  };

  return (
    <div className="aspect-tabs" role="tablist" aria-label="Aspect ratio" ref={list}>
      {aspects.map((a, i) => (
        <button
          key={a}
          id={tabId(a)}
          type="button"
          role="tab"
          aria-selected={a === value}
          aria-controls={PANEL_ID}
          tabIndex={a === value ? 0 : -1}
          className="aspect-tab"
          onClick={() => onChange(a)}
          onKeyDown={(e) => move(e, i)}
        >
          {a}
        </button>
      ))}
    </div>
  );
}
