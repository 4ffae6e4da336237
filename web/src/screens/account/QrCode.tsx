// A QR code drawn locally as SVG (the TOTP secret never leaves the browser for a QR service).
import { create } from "qrcode";
import { useMemo } from "react";

const QUIET = 4; // the blank margin scanners need, in modules

/** Return one SVG path covering every dark module, and the symbol's size with its margin. */
function modulesPath(text: string): { d: string; size: number } {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET} ${row + QUIET}h1v1h-1z`);
    }
  }
  return { d: parts.join(""), size: modules.size + 2 * QUIET };
}

export function QrCode({ text, label, px = 208 }: { text: string; label: string; px?: number }) {
  const { d, size } = useMemo(() => modulesPath(text), [text]);
  return (
    <svg className="qr" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={px} height={px} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
