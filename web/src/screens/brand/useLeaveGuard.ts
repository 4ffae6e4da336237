// Warn before leaving the page (reload, close, an outside link) with unsaved changes.
import { useEffect } from "react";

export const LEAVE_MESSAGE = "You have unsaved changes to this brand kit. Leave without saving?";

export function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = LEAVE_MESSAGE;
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
