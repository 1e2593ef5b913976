"use client";

import { useEffect, useRef } from "react";

/**
 * Keeps the list's URL short and readable: the enclosing GET form leaves out fields left empty
 * (a disabled field is not submitted). Without JavaScript the form still works, with a longer URL.
 */
export function OmitEmptyFields() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const fields = () => Array.from(form.elements) as HTMLInputElement[];
    const onSubmit = () => fields().forEach((field) => field.name && field.value === "" && (field.disabled = true));
    // Coming back through the browser's history restores the page as it was left: enable them again.
    const onPageShow = () => fields().forEach((field) => (field.disabled = false));
    form.addEventListener("submit", onSubmit);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      form.removeEventListener("submit", onSubmit);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, []);
  return <span ref={marker} hidden />;
}
