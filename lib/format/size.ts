// File sizes and durations as people in Brazil read them (client-safe).

const decimal = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 1 });

/** "850 bytes", "12,5 KB", "180,3 MB": powers of 1,024, as file managers count. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${decimal.format(bytes)} ${bytes === 1 ? "byte" : "bytes"}`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${decimal.format(value)} ${units[unit]}`;
}

/** "menos de 1 s", "45 s", "3 min 20 s", "1 h 05 min": whole seconds, the two largest units. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  if (total < 1) return "menos de 1 s";
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, "0")} min`;
  if (minutes > 0) return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${rest} s`;
}
