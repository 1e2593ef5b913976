import Link from "next/link";
import { noResponsible } from "@/lib/contacts/contact-filters";
import { contactListHref } from "@/lib/contacts/list-link";
import { ChartCard } from "./chart-card";
import { contactsText } from "./chart-tooltip";

export type ResponsibleChartProps = {
  responsibles: { userId: string; name: string | null; contacts: number }[];
  withoutResponsible: number;
};

/**
 * The top responsáveis as bars, and the contacts without one as a number above them: as a bar
 * among the people, the unassigned (often most of the carteira) would shrink everyone to a sliver.
 */
export function ResponsibleChart({ responsibles, withoutResponsible }: ResponsibleChartProps) {
  return (
    <ChartCard
      title="Por responsável (10 maiores)"
      emptyText="Nenhum contato tem responsável."
      aside={
        <p className="mt-2 flex flex-wrap items-baseline gap-x-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">
          {withoutResponsible > 0 ? (
            <>
              <Link href={contactListHref({ responsible: [noResponsible] })} className="font-semibold text-indigo-700 tabular-nums hover:underline">
                {contactsText(withoutResponsible)} sem responsável
              </Link>
              <span>fora do gráfico</span>
            </>
          ) : (
            "Todos os contatos têm responsável."
          )}
        </p>
      }
      data={responsibles.map((r) => ({
        label: r.name ?? "Usuário removido",
        value: r.contacts,
        href: contactListHref({ responsible: [r.userId] }),
      }))}
    />
  );
}
