import type { ComponentProps, ReactNode } from "react";

export type AlertTone = "error" | "success" | "info";

const tones: Record<AlertTone, string> = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-green-200 bg-green-50 text-green-800",
  info: "border-indigo-200 bg-indigo-50 text-indigo-800",
};

export type AlertProps = Omit<ComponentProps<"div">, "title" | "role"> & {
  tone?: AlertTone;
  title?: ReactNode;
};

/** Errors interrupt (role="alert"); success and info wait their turn (role="status"). */
export function Alert({ tone = "error", title, children, className = "", ...rest }: AlertProps) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border px-4 py-3 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-indigo-600 ${tones[tone]} ${className}`.trim()}
      {...rest}
    >
      {title && <p className="font-medium">{title}</p>}
      {children && <div className={title ? "mt-1" : undefined}>{children}</div>}
    </div>
  );
}
