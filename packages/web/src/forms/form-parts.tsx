import type { ReactNode } from "react";

/** A labelled form field: the label, its control (children, with `id`) and, after it, the field's issues. */
export function Field({
  id,
  label,
  children,
}: {
  readonly id: string;
  readonly label: ReactNode;
  readonly children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** The issues of one field (an alert the control names in aria-describedby); nothing when there are none. */
export function FieldIssues({
  id,
  messages,
}: {
  readonly id: string;
  readonly messages: readonly string[] | undefined;
}) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="issues" role="alert">
      {messages.join("; ")}
    </p>
  );
}

/**
 * The end of a form: what went wrong (an alert), what it did (a status) and the submit button, followed by
 * further buttons (children) when given.
 */
export function FormFooter({
  error,
  errorTestId,
  status,
  submit,
  disabled,
  submitTestId,
  children,
}: {
  readonly error?: ReactNode;
  readonly errorTestId?: string;
  readonly status?: ReactNode;
  readonly submit: ReactNode;
  readonly disabled: boolean;
  readonly submitTestId?: string;
  readonly children?: ReactNode;
}) {
  return (
    <>
      {error ? (
        <p role="alert" className="issues" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
      {status ? <p role="status">{status}</p> : null}
      <p>
        <button type="submit" className="primary" disabled={disabled} data-testid={submitTestId}>
          {submit}
        </button>
        {children ? <> {children}</> : null}
      </p>
    </>
  );
}
