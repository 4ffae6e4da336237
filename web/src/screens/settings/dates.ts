// Dates and times in the reader's locale.
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

export function day(iso: string | null | undefined, none = "—"): string {
  return iso ? DATE.format(new Date(iso)) : none;
}

export function when(iso: string | null | undefined, none = "—"): string {
  return iso ? DATE_TIME.format(new Date(iso)) : none;
}

/** Today's time for recent events, the date and time otherwise. */
export function recent(iso: string | null | undefined, none = "—"): string {
  if (!iso) return none;
  const d = new Date(iso);
  return d.toDateString() === new Date().toDateString() ? TIME.format(d) : DATE_TIME.format(d);
}
