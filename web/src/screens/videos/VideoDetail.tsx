import { Page } from "../../components/ui";

// Placeholder: a helper builds this screen.
export default function VideoDetail() {
  return <Page title="VideoDetail">Coming soon.</Page>;
}
