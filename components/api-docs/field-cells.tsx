/** "Sim" or "Não", the required one stronger. */
export function RequiredText({ required }: { required: boolean | undefined }) {
  return required ? <span className="font-medium text-slate-900">Sim</span> : <span className="text-slate-600">Não</span>;
}

/** A field's constraints one per line, or a dash that reads "Nenhuma". */
export function ConstraintList({ constraints }: { constraints: string[] }) {
  if (constraints.length === 0) {
    return (
      <>
        <span aria-hidden="true" className="text-slate-500">—</span>
        <span className="sr-only">Nenhuma</span>
      </>
    );
  }
  return (
    <ul className="space-y-0.5">
      {constraints.map((constraint) => (
        // A long regular expression breaks anywhere rather than widen the table.
        <li key={constraint} className="wrap-anywhere">
          {constraint}
        </li>
      ))}
    </ul>
  );
}
