/** One line of a text file with its 1-based line number. */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/** Splits text into lines (LF, CRLF or CR), dropping a UTF-8 byte-order mark. */
export function splitLines(text: string): NumberedLine[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\n|\r/).map((t, i) => ({ line: i + 1, text: t }));
}

/** A field of a delimited line and its 1-based start column. */
export interface Field {
  readonly text: string;
  readonly column: number;
}

/**
 * Splits one delimited line into fields with their start columns. Double-quoted fields may contain the
 * delimiter; `""` inside quotes is a literal quote (RFC 4180). Fields are not trimmed.
 */
export function splitFields(line: string, delimiter: string): Field[] {
  const fields: Field[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    const column = i + 1;
    if (line[i] === '"') {
      let text = "";
      i++;
      while (i < n) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            text += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          text += line[i];
          i++;
        }
      }
      const next = line.indexOf(delimiter, i);
      if (next < 0) {
        fields.push({ text: text + line.slice(i), column });
        return fields;
      }
      fields.push({ text: text + line.slice(i, next), column });
      i = next + delimiter.length;
    } else {
      const next = line.indexOf(delimiter, i);
      if (next < 0) {
        fields.push({ text: line.slice(i), column });
        return fields;
      }
      fields.push({ text: line.slice(i, next), column });
      i = next + delimiter.length;
    }
  }
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a plain decimal number strictly ("1.5", "-3", "2e3"); returns undefined for anything else
 * (empty, "NaN", "1,5" unless `decimalComma`, "12abc"). Surrounding spaces are allowed.
 */
export function parseNumber(text: string, decimalComma = false): number | undefined {
  let t = text.trim();
  if (decimalComma) t = t.replace(",", ".");
  if (!NUMBER.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** Guesses the delimiter of a header line: the most frequent of `;`, tab and `,`. */
export function detectDelimiter(header: string): "," | ";" | "\t" {
  const count = (c: string): number => header.split(c).length - 1;
  const candidates: Array<"," | ";" | "\t"> = [";", "\t", ","];
  let best: "," | ";" | "\t" = ",";
  let bestCount = 0;
  for (const c of candidates) {
    const k = count(c);
    if (k > bestCount) {
      best = c;
      bestCount = k;
    }
  }
  return best;
}
