import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function AcceptInvite() {
  return <Page title="AcceptInvite">Coming soon.</Page>;
}
