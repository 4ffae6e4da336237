// Form fields with a visible required mark (the shared ones take only a plain-text label).
import { useId, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

import { Button } from "../../components/ui";

interface FieldProps {
  label: string;
  required?: boolean;
  error?: string | undefined;
  hint?: ReactNode;
}

export function Req({ on }: { on?: boolean | undefined }) {
  return on ? <span className="req" aria-hidden="true"> *</span> : null;
}

function Described({ id, error, hint }: { id: string; error?: string | undefined; hint?: ReactNode }) {
  return (
    <>
      {hint ? <span id={`${id}-hint`} className="hint">{hint}</span> : null}
      {error ? <span id={`${id}-error`} className="field-error">{error}</span> : null}
    </>
  );
}

function aria(id: string, required: boolean | undefined, error: string | undefined, hint: ReactNode) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return {
    id,
    "aria-required": required || undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": ids || undefined,
  };
}

export function Input({ label, required, error, hint, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <Req on={required} />
      </label>
      <input {...aria(id, required, error, hint)} {...rest} />
      <Described id={id} error={error} hint={hint} />
    </div>
  );
}

export function Area({ label, required, error, hint, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <Req on={required} />
      </label>
      <textarea {...aria(id, required, error, hint)} {...rest} />
      <Described id={id} error={error} hint={hint} />
    </div>
  );
}

export function Select({
  label,
  required,
  error,
  hint,
  options,
  ...rest
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <Req on={required} />
      </label>
      <select {...aria(id, required, error, hint)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Described id={id} error={error} hint={hint} />
    </div>
  );
}

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
    <fieldset className="list-editor" ref={box} aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}>
      <legend>
        {legend}
        <Req on={required} />
      </legend>
      <Described id={id} error={error} hint={hint} />
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
