// Heading and body fonts: a choice of the studio's installed fonts, or free text if the catalog is down.
import { SelectField, TextField } from "../../components/ui";
import type { Catalog } from "./useCatalog";

interface Props {
  fonts: { heading: string; body: string };
  catalog: Catalog | null;
  errors: Record<string, string>;
  onChange: (role: "heading" | "body", value: string) => void;
}

const ROLES = [
  { role: "heading", label: "Heading font", hint: "Used for titles and captions." },
  { role: "body", label: "Body font", hint: "Used for longer on-screen text." },
] as const;

function options(catalog: Catalog, current: string) {
  const list = [{ value: "", label: "Studio default" }, ...catalog.fonts.map((f) => ({ value: f.id, label: f.label }))];
  // Keep a saved value the studio no longer lists, so opening the kit does not change it.
  if (current && !catalog.fonts.some((f) => f.id === current)) list.push({ value: current, label: `${current} (not installed)` });
  return list;
}

export function FontFields({ fonts, catalog, errors, onChange }: Props) {
  return (
    <fieldset>
      <legend>Fonts</legend>
      <div className="two-cols">
        {ROLES.map(({ role, label, hint }) =>
          catalog && catalog.fonts.length > 0 ? (
            <SelectField
              key={role}
              label={label}
              hint={hint}
              error={errors[`fonts.${role}`]}
              value={fonts[role]}
              options={options(catalog, fonts[role])}
              onChange={(e) => onChange(role, e.target.value)}
            />
          ) : (
            <TextField
              key={role}
              label={label}
              hint={`${hint} Type an installed font family, e.g. Noto Sans.`}
              error={errors[`fonts.${role}`]}
              value={fonts[role]}
              maxLength={100}
              onChange={(e) => onChange(role, e.target.value)}
            />
          ),
        )}
      </div>
    </fieldset>
  );
}
