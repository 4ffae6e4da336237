// A loaded list's states in one place: its error, a spinner until the first answer, the empty message.
import type { ReactNode } from "react";

import { Alert, Loading } from "./ui";

interface Props {
  /** A useAsync result (its data is the list's first answer). */
  state: { data: unknown; error: string | null; loading: boolean };
  count: number;
  loadingLabel: string;
  /** Shown once loaded with nothing in it. */
  empty: ReactNode;
  /** A message that takes the load error's place (e.g. a failed action on the list). */
  error?: string | null;
  children: ReactNode;
}

export function Listing({ state, count, loadingLabel, empty, error, children }: Props) {
  const problem = error ?? state.error;
  return (
    <>
      {problem ? <Alert>{problem}</Alert> : null}
      {state.loading && !state.data ? <Loading label={loadingLabel} /> : null}
      {state.data && !count ? empty : null}
      {count ? children : null}
    </>
  );
}
