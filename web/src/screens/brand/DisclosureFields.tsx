// The ad-disclosure badge: on or off, its words, and which corner it sits in.
import { useId } from "react";

import type { Schemas } from "../../api/client";
import { SelectField, TextField } from "../../components/ui";
import { POSITIONS, type Position } from "./kit";

type Disclosure = Schemas["Disclosure"];

interface Props {
  value: Disclosure;
  errors: Record<string, string>;
  onChange: (value: Disclosure) => void;
}

export function DisclosureFields({ value, errors, onChange }: Props) {
  const id = useId();
  return (
    <fieldset>
      <legend>Ad disclosure</legend>
      <div className="toggle-check">
        <input id={id} type="checkbox" checked={value.enabled} onChange={(e) => onChange({ ...value, enabled: e.target.checked })} />
        <label htmlFor={id}>Show an ad disclosure badge on every video</label>
      </div>
      {errors["disclosure.enabled"] ? <p className="field-error">{errors["disclosure.enabled"]}</p> : null}
      <div className="two-cols">
        <TextField
          label="Disclosure text"
          hint="Up to 24 characters, e.g. #ad or Paid partnership."
          maxLength={24}
          value={value.text}
          error={errors["disclosure.text"]}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
        />
        <SelectField
          label="Badge position"
          value={value.position}
          options={POSITIONS}
          error={errors["disclosure.position"]}
          onChange={(e) => onChange({ ...value, position: e.target.value as Position })}
        />
      </div>
    </fieldset>
  );
}
