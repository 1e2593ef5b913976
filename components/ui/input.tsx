import type { ComponentProps } from "react";

/** Border turns red through aria-invalid, so the error state and its announcement never disagree. */
export const controlClasses =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm " +
  "placeholder:text-slate-400 focus:border-indigo-500 focus:outline-2 focus:outline-offset-0 focus:outline-indigo-500/40 " +
  "aria-invalid:border-red-500 aria-invalid:focus:outline-red-500/40 disabled:bg-slate-50 disabled:text-slate-500";

export function Input({ className = "", ...rest }: ComponentProps<"input">) {
  return <input className={`${controlClasses} ${className}`.trim()} {...rest} />;
}
