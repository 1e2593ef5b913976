import { useId, type ReactNode } from "react";

/** Attributes a control needs to be tied to its label, hint and errors. */
export type ControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

export type FieldProps = {
  label: string;
  /** Id of the control; generated when omitted. */
  id?: string;
  required?: boolean;
  hint?: ReactNode;
  errors?: string[];
  /**
   * A group of controls (radios, checkboxes, a list of inputs): rendered as a fieldset whose legend
   * names the group, since one <label> can only name one control.
   */
  group?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

function RequiredMark() {
  return (
    <>
      <span className="ml-0.5 text-red-600" aria-hidden="true">*</span>
      {/* The space sits outside the span: accessible-name algorithms trim each element's text. */}{" "}
      <span className="sr-only">(obrigatório)</span>
    </>
  );
}

export function Field({ label, id, required, hint, errors, group, className = "", children }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasErrors = !!errors && errors.length > 0;
  const describedBy = [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(" ") || undefined;
  const control: ControlProps = { id: controlId, "aria-describedby": describedBy, "aria-invalid": hasErrors || undefined };

  const labelText = (
    <>
      {label}
      {required && <RequiredMark />}
    </>
  );
  const details = (
    <>
      {hint && (
        <p id={hintId} className="mt-1.5 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {hasErrors && (
        <ul id={errorId} className="mt-1.5 space-y-0.5 text-sm text-red-700">
          {errors.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      )}
    </>
  );

  if (group) {
    return (
      <fieldset className={className} aria-describedby={describedBy}>
        <legend className="mb-1.5 text-sm font-medium text-slate-800">{labelText}</legend>
        {children(control)}
        {details}
      </fieldset>
    );
  }
  return (
    <div className={className}>
      <label htmlFor={controlId} className="mb-1.5 block text-sm font-medium text-slate-800">
        {labelText}
      </label>
      {children(control)}
      {details}
    </div>
  );
}
