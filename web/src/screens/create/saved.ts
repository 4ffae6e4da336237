// The wizard's state kept in this tab's sessionStorage, so a reload or a wander elsewhere loses nothing.
// Only what the reducer holds is kept: uploaded media as asset ids and names, never file bytes.
import { initialState, type WizardState } from "./state";

const VERSION = 1;

function storageKey(orgId: string, templateParam: string | null): string {
  return `ugc.create.v${VERSION}:${orgId}:${templateParam ?? ""}`;
}

/** The saved wizard for this organisation and start link, or null. */
export function loadSaved(orgId: string, templateParam: string | null): WizardState | null {
  try {
    const raw = sessionStorage.getItem(storageKey(orgId, templateParam));
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<WizardState>;
    if (typeof saved !== "object" || saved === null || typeof saved.step !== "number") return null;
    return { ...initialState(templateParam), ...saved, errors: {}, alert: null };
  } catch {
    return null; // storage off or a damaged entry: start afresh
  }
}

export function save(orgId: string, templateParam: string | null, state: WizardState): void {
  const { errors: _errors, alert: _alert, ...kept } = state;
  try {
    sessionStorage.setItem(storageKey(orgId, templateParam), JSON.stringify(kept));
  } catch {
    /* storage full or off: the wizard still works, it just isn't kept */
  }
}

export function forget(orgId: string, templateParam: string | null): void {
  try {
    sessionStorage.removeItem(storageKey(orgId, templateParam));
  } catch {
    /* nothing kept */
  }
}
