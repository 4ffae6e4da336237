import { Page } from "../components/ui";

// Placeholder: a helper builds this screen.
export default function Onboarding() {
  return <Page title="Onboarding">Coming soon.</Page>;
}
