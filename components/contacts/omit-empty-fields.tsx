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
    const onSubmit = () => {
      const empty = fields().filter((field) => field.name && field.value === "");
      empty.forEach((field) => (field.disabled = true));
      // The form's data is read during the submit event; a client-side navigation (next/form) keeps
      // this page, so the fields must work again right after.
      setTimeout(() => empty.forEach((field) => (field.disabled = false)));
    };
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
