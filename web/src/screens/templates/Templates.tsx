import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function Templates() {
  return <Page title="Templates">Coming soon.</Page>;
}
