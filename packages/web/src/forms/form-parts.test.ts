import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, FieldIssues, FormFooter } from "./form-parts.js";

describe("form parts", () => {
  it("a field's label names its control", () => {
    const html = renderToStaticMarkup(
      createElement(Field, {
        id: "x-year",
        label: "Year",
        children: createElement("input", { id: "x-year" }),
      }),
    );
    expect(html).toBe('<div class="field"><label for="x-year">Year</label><input id="x-year"/></div>');
  });

  it("field issues are one alert with the id the control refers to, and nothing without issues", () => {
    expect(renderToStaticMarkup(createElement(FieldIssues, { id: "i", messages: ["a", "b"] }))).toBe(
      '<p id="i" class="issues" role="alert">a; b</p>',
    );
    expect(renderToStaticMarkup(createElement(FieldIssues, { id: "i", messages: [] }))).toBe("");
  });

  it("the footer shows the alert and status only when given, then the submit button and further buttons", () => {
    const quiet = renderToStaticMarkup(createElement(FormFooter, { submit: "Send", disabled: true }));
    expect(quiet).toBe('<p><button type="submit" class="primary" disabled="">Send</button></p>');
    const full = renderToStaticMarkup(
      createElement(FormFooter, {
        error: "Something went wrong",
        errorTestId: "x-error",
        status: "Saved",
        submit: "Send",
        disabled: false,
        submitTestId: "x-send",
        children: createElement("button", { type: "button" }, "Cancel"),
      }),
    );
    expect(full).toBe(
      '<p role="alert" class="issues" data-testid="x-error">Something went wrong</p><p role="status">Saved</p>' +
        '<p><button type="submit" class="primary" data-testid="x-send">Send</button> <button type="button">Cancel</button></p>',
    );
  });
});
