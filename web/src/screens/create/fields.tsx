// The wizard's fields: the shared ones, marked rather than browser-checked (the wizard checks
// each step itself and sums its errors up in one alert), plus a list editor.
import { useId, useRef, type ComponentProps } from "react";

import { Button, Described, describedBy, Req, SelectField, TextArea, TextField } from "../../components/ui";

// `required` marks the label and sets aria-required; the step's own check says what is missing.
export const Input = ({ required, ...p }: ComponentProps<typeof TextField>) => <TextField {...p} mark={required} quiet />;
export const Area = ({ required, ...p }: ComponentProps<typeof TextArea>) => <TextArea {...p} mark={required} quiet />;
export const Select = ({ required, ...p }: ComponentProps<typeof SelectField>) => <SelectField {...p} mark={required} quiet />;

interface ListProps {
  legend: string;
  item: string;
  items: string[];
  onChange: (items: string[]) => void;
  required?: boolean;
  max?: number;
  error?: string | undefined;
  itemErrors?: (i: number) => string | undefined;
  hint?: string;
  inputType?: string;
  /** The add button's text when "Add <item>" would not read well. */
  addLabel?: string;
}

/** A list of short texts (benefits, pain points): one labelled input per entry, add and remove. */
export function ListEditor({ legend, item, items, onChange, required, max = 8, error, itemErrors, hint, inputType = "text", addLabel }: ListProps) {
  const id = useId();
  const box = useRef<HTMLFieldSetElement>(null);
  const noun = item.toLowerCase();
  const add = () => {
    onChange([...items, ""]);
    // Focus the new entry once React has drawn it.
    requestAnimationFrame(() => {
      const inputs = box.current?.querySelectorAll("input");
      inputs?.[inputs.length - 1]?.focus();
    });
  };
  return (
    <fieldset className="list-editor" ref={box} aria-describedby={describedBy(id, error, hint)}>
      <legend>
        {legend}
        <Req on={required} />
      </legend>
      <Described id={id} error={error} hint={hint} quiet />
      {items.map((value, i) => (
        <div className="list-row" key={i}>
          <Input
            label={`${item} ${i + 1}`}
            type={inputType}
            value={value}
            error={itemErrors?.(i)}
            onChange={(e) => onChange(items.map((v, j) => (j === i ? e.target.value : v)))}
          />
          <Button variant="ghost" onClick={() => onChange(items.filter((_, j) => j !== i))}>
            Remove<span className="visually-hidden"> {noun} {i + 1}</span>
          </Button>
        </div>
      ))}
      {items.length < max ? (
        <Button variant="secondary" onClick={add}>
          {addLabel ? (
            <>
              {addLabel}
              <span className="visually-hidden"> to {legend}</span>
            </>
          ) : (
            `Add ${noun}`
          )}
        </Button>
      ) : null}
    </fieldset>
  );
}
