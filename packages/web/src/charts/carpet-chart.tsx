import { useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { monthNames, useI18n } from "../i18n/i18n.js";
import { download, fileNameOf } from "../features/exports/table-export.js";
import { carpetImage, rampColour } from "./carpet.js";
import { ChartFrame } from "./chart.js";

const LEFT = 40;
const BOTTOM = 44;
const TOP = 8;
const RIGHT = 8;

/**
 * Carpet plot of a full-year hourly series drawn straight onto a canvas (8,760 cells as one image: fast),
 * with hour and month axes, a colour legend, a value under the pointer, a data table and exports.
 */
export function CarpetChart({
  title,
  help,
  values,
  unit,
  startUtcMs,
  offsetHours = 0,
  height = 320,
  testId,
}: {
  readonly title: string;
  readonly help?: string;
  readonly values: ArrayLike<number>;
  readonly unit: string;
  readonly startUtcMs: number;
  readonly offsetHours?: number;
  readonly height?: number;
  readonly testId?: string;
}) {
  const tr = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<string | undefined>();
  const [renderMs, setRenderMs] = useState<number | undefined>();
  const [width, setWidth] = useState(800);
  const img = useMemo(() => carpetImage(values, offsetHours), [values, offsetHours]);
  const table = useMemo(
    () => ({
      columns: ["time_utc", `value [${unit}]`],
      rows: Array.from(values, (v, t) => [new Date(startUtcMs + t * 3_600_000).toISOString(), v] as const),
    }),
    [values, unit, startUtcMs],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const observer =
      typeof ResizeObserver === "undefined"
        ? undefined
        : new ResizeObserver(() => setWidth(canvas.parentElement?.clientWidth ?? 800));
    observer?.observe(canvas.parentElement ?? canvas);
    setWidth(canvas.parentElement?.clientWidth ?? 800);
    return () => observer?.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    const started = performance.now();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const plotW = width - LEFT - RIGHT;
    const plotH = height - TOP - BOTTOM;
    const source = document.createElement("canvas");
    source.width = img.days;
    source.height = 24;
    source.getContext("2d")?.putImageData(new ImageData(new Uint8ClampedArray(img.rgba), img.days, 24), 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(source, LEFT, TOP, plotW, plotH);
    ctx.fillStyle = "#333";
    ctx.font = "11px system-ui, sans-serif";
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const h of [0, 6, 12, 18, 23]) ctx.fillText(String(h), LEFT - 4, TOP + ((h + 0.5) * plotH) / 24);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    const months = monthNames(tr.locale);
    const startDay = Date.UTC(new Date(startUtcMs + offsetHours * 3_600_000).getUTCFullYear(), 0, 1);
    for (let m = 0; m < 12; m++) {
      const day = (Date.UTC(new Date(startDay).getUTCFullYear(), m, 15) - startDay) / 86_400_000;
      if (day >= img.days) break;
      ctx.fillText(months[m] ?? "", LEFT + ((day + 0.5) * plotW) / img.days, TOP + plotH + 4);
    }
    // Legend: the colour ramp from min to max.
    const ly = TOP + plotH + 22;
    const lw = Math.min(240, plotW / 2);
    const lx = LEFT + (plotW - lw) / 2;
    for (let i = 0; i < lw; i++) {
      const [r, g, b] = rampColour(i / (lw - 1));
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fillRect(lx + i, ly, 1, 10);
    }
    ctx.strokeStyle = "#767676";
    ctx.strokeRect(lx, ly, lw, 10);
    ctx.fillStyle = "#333";
    ctx.textBaseline = "middle";
    ctx.textAlign = "right";
    ctx.fillText(tr.num(img.min, 1), lx - 4, ly + 5);
    ctx.textAlign = "left";
    ctx.fillText(`${tr.num(img.max, 1)} ${unit}`, lx + lw + 4, ly + 5);
    setRenderMs(performance.now() - started);
  }, [img, width, height, unit, tr, startUtcMs, offsetHours]);

  const onMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left - LEFT;
    const y = e.clientY - rect.top - TOP;
    const plotW = width - LEFT - RIGHT;
    const plotH = height - TOP - BOTTOM;
    if (x < 0 || y < 0 || x >= plotW || y >= plotH) return setHover(undefined);
    const day = Math.floor((x / plotW) * img.days);
    const hour = Math.floor((y / plotH) * 24);
    const t = day * 24 + hour - offsetHours;
    const v = values[t];
    setHover(
      v === undefined
        ? undefined
        : `${tr.t("day")} ${day + 1}, ${tr.t("hour")} ${hour}: ${tr.num(v, 2)} ${unit}`,
    );
  };

  const pngUrl = () => canvasRef.current?.toDataURL("image/png") ?? "";
  const exportPng = () => {
    const a = document.createElement("a");
    a.href = pngUrl();
    a.download = fileNameOf(title, "png");
    a.click();
  };
  const exportSvg = () => {
    const esc = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><title>${esc(title)}</title><image width="${width}" height="${height}" href="${pngUrl()}"/></svg>`;
    download(fileNameOf(title, "svg"), svg, "image/svg+xml");
  };

  return (
    <ChartFrame
      title={title}
      help={help}
      table={table}
      testId={testId}
      exportPng={exportPng}
      exportSvg={exportSvg}
    >
      <div className="chart-canvas" style={{ height }} data-render-ms={renderMs?.toFixed(1)}>
        <canvas
          ref={canvasRef}
          style={{ width: "100%", height }}
          role="img"
          aria-label={tr.t("chartAlt", { title })}
          onMouseMove={onMove}
          onMouseLeave={() => setHover(undefined)}
        />
      </div>
      <p className="muted" aria-live="off">
        {hover ?? "\u00a0"}
      </p>
    </ChartFrame>
  );
}
