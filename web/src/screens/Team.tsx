import { Page } from "../components/ui";

// Placeholder: a helper builds this screen.
export default function Team() {
  return <Page title="Team">Coming soon.</Page>;
}
