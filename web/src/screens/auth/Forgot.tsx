import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function Forgot() {
  return <Page title="Forgot">Coming soon.</Page>;
}
