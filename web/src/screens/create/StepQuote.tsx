// Step 5: what the render will cost, in plain words, and a summary of every choice.
import { useAsync } from "../../components/hooks";
import { Loading, RetryAlert } from "../../components/ui";
import { videoBody } from "./build";
import { quoteVideo, type Quote } from "./calls";
import { plural, Summary, type SummaryProps } from "./Summary";
import type { WizardState } from "./state";

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} seconds`;
  return `${Math.round(seconds / 60)} minutes`;
}

/** The quote as a sentence a marketer reads at a glance. */
export function QuoteFacts({ quote, state }: { quote: Quote; state: WizardState }) {
  return (
    <section className="card quote" aria-labelledby="quote-title">
      <h3 id="quote-title">What this costs</h3>
      <p className="quote-lead">
        {plural(quote.credits, "credit")} for {plural(quote.renders, "video")}.
      </p>
      <dl className="create-facts">
        <div>
          <dt>Video</dt>
          <dd>{duration(quote.video_seconds)} in total ({plural(state.variants, "variant")})</dd>
        </div>
        <div>
          <dt>Renders</dt>
          <dd>
            {quote.renders}: {plural(state.variants, "variant")} in {plural(state.aspects.length, "format")}
          </dd>
        </div>
        <div>
          <dt>Compute time</dt>
          <dd>about {duration(quote.compute_seconds)}</dd>
        </div>
        <div>
          <dt>Credits</dt>
          <dd>{quote.credits}</dd>
        </div>
      </dl>
      <p className="hint">A render that fails is never charged.</p>
    </section>
  );
}

/** The quote for the render this state describes: null (with `updating`) until the one for these very choices arrives. */
export function useQuote(state: WizardState) {
  const body = videoBody(state);
  const key = JSON.stringify(body);
  const loaded = useAsync(async () => ({ key, quote: await quoteVideo(body) }), [key]);
  // An earlier choice's quote is never shown as this one's price.
  const data = loaded.data?.key === key ? loaded.data.quote : null;
  return { data, error: loaded.error, updating: data === null && !loaded.error, reload: loaded.reload };
}

/** The quote above the summary of choices (the same props: the summary's Edit buttons go back a step). */
export function StepQuote(props: SummaryProps) {
  const { state } = props;
  const quote = useQuote(state);
  return (
    <div className="stack">
      {quote.updating ? <Loading label="Updating the cost…" /> : null}
      {quote.error ? (
        <RetryAlert onRetry={quote.reload}>{quote.error}</RetryAlert>
      ) : null}
      {quote.data ? <QuoteFacts quote={quote.data} state={state} /> : null}
      <Summary {...props} />
    </div>
  );
}
