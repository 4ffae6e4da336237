import { Page } from "../components/ui";

// Placeholder: a helper builds this screen.
export default function Account() {
  return <Page title="Account">Coming soon.</Page>;
}
