import type { ComponentProps } from "react";
import { controlClasses } from "./input";

export function Select({ className = "", children, ...rest }: ComponentProps<"select">) {
  return (
    <select className={`${controlClasses} pr-8 ${className}`.trim()} {...rest}>
      {children}
    </select>
  );
}
