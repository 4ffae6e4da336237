import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function Settings() {
  return <Page title="Settings">Coming soon.</Page>;
}
