// Whether the tab is shown: polling and refreshing pause while it is hidden.
import { useEffect, useState } from "react";

/** True while the document is visible; updates on visibilitychange. */
export function useVisible(): boolean {
  const [visible, setVisible] = useState(() => !document.hidden);
  useEffect(() => {
    const update = () => setVisible(!document.hidden);
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  return visible;
}
