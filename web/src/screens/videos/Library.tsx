import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function Library() {
  return <Page title="Library">Coming soon.</Page>;
}
