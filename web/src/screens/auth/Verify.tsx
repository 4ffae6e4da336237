import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function Verify() {
  return <Page title="Verify">Coming soon.</Page>;
}
