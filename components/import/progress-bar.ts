/** A <progress> drawn like the rest of the app (Chromium, Safari and Firefox each style it their own way otherwise). */
export const progressBarClasses =
  "h-2 w-full appearance-none overflow-hidden rounded-full bg-slate-200 " +
  "[&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-indigo-600 [&::-webkit-progress-value]:transition-all [&::-moz-progress-bar]:bg-indigo-600";
