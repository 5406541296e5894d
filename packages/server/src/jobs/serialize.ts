/** Structured-clone serialisation (node:v8) as base64, so results with typed arrays cross Redis intact. */
import { deserialize, serialize } from "node:v8";

export function encodeValue(value: unknown): string {
  return serialize(value).toString("base64");
}

export function decodeValue(text: string): unknown {
  return deserialize(Buffer.from(text, "base64"));
}
