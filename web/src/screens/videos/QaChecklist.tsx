// The QA report as a checklist: each check passed or failed, its measured value and target.
import { mediaUrl } from "../../api/client";
import { useAsync } from "../../components/hooks";
import { Alert, Badge, Card, Loading } from "../../components/ui";
import { checkName, measured, parseReport, type QaReport } from "./qa";

async function loadReport(url: string): Promise<QaReport> {
  const res = await fetch(mediaUrl(url));
  if (!res.ok) throw new Error("We couldn't load the quality report. Reload the page to try again.");
  return parseReport(await res.text());
}

function Checks({ report }: { report: QaReport }) {
  return (
    <ul className="qa-list" aria-label="Quality checks">
      {report.checks.map((c) => (
        <li key={c.check} className={c.passed ? "qa-pass" : "qa-fail"}>
          <span className="qa-mark" aria-hidden="true">
            {c.passed ? "✓" : "✗"}
          </span>
          <span className="qa-name">
            <span className="visually-hidden">{c.passed ? "Passed: " : "Failed: "}</span>
            {checkName(c.check)}
          </span>
          <span className="qa-value">
            {measured(c)} <span className="muted">(target {c.target})</span>
            {c.detail ? <span className="qa-detail">{c.detail}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function QaChecklist({ url, aspect, passed }: { url: string; aspect: string; passed: boolean }) {
  // The signed URL changes on every read of the video: load per aspect, not per URL.
  const report = useAsync(() => loadReport(url), [aspect]);
  const summary = passed ? <Badge tone="good">All checks passed</Badge> : <Badge tone="warn">Some checks need attention</Badge>;
  return (
    <Card title={`Quality check (${aspect})`} actions={summary}>
      {report.error ? <Alert>{report.error}</Alert> : null}
      {report.data ? <Checks report={report.data} /> : report.error ? null : <Loading label="Loading the quality report…" />}
      {report.data?.repairs?.length ? (
        <div className="qa-repairs">
          <h3>Fixed automatically</h3>
          <ul>
            {report.data.repairs.map((r, i) => (
              <li key={i}>
                {r.action[0]!.toUpperCase() + r.action.slice(1)} because of {r.reason}: {r.result}.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
