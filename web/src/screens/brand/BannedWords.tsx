// Words a script must never use: a chip list with an add field and a remove button per word.
import { useId, useState } from "react";

import { Button } from "../../components/ui";
import { MAX_BANNED } from "./kit";

interface Props {
  words: string[];
  error?: string | undefined;
  onChange: (words: string[]) => void;
}

export function BannedWords({ words, error, onChange }: Props) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [note, setNote] = useState<string | null>(null);

  const add = (e?: { preventDefault: () => void }) => {
    e?.preventDefault();
    const word = draft.trim();
    if (!word) return;
    if (words.some((w) => w.toLowerCase() === word.toLowerCase())) setNote(`“${word}” is already banned.`);
    else if (words.length >= MAX_BANNED) setNote(`A kit can ban up to ${MAX_BANNED} words.`);
    else {
      onChange([...words, word]);
      setNote(null);
    }
    setDraft("");
  };

  const message = error ?? note;
  return (
    <fieldset>
      <legend>Banned words</legend>
      <p className="hint" id={`${id}-hint`}>
        Scripts never use these words (for example claims you can't make, like “cure”).
      </p>
      <div className="row add-word">
        <div className="field word-field">
          <label htmlFor={id}>Add a banned word</label>
          <input
            id={id}
            value={draft}
            maxLength={100}
            aria-describedby={`${id}-hint${message ? ` ${id}-error` : ""}`}
            onChange={(e) => {
              setDraft(e.target.value);
              setNote(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") add(e);
            }}
          />
        </div>
        <Button variant="secondary" onClick={() => add()} disabled={!draft.trim()}>
          Add word
        </Button>
      </div>
      {message ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {message}
        </p>
      ) : null}
      {words.length ? (
        <ul className="chips" aria-label="Banned words">
          {words.map((w) => (
            <li key={w} className="chip">
              <span>{w}</span>
              <button type="button" className="chip-remove" aria-label={`Remove ${w}`} onClick={() => {
                  setNote(null);
                  onChange(words.filter((x) => x !== w));
                }}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No banned words yet.</p>
      )}
    </fieldset>
  );
}
