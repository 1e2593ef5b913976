import type { Metadata } from "next";
import Link from "next/link";
import { BulkActionsPanel } from "@/components/contacts/bulk-actions-panel";
import { BulkSelectionProvider, PageCheckbox } from "@/components/contacts/bulk-selection";
import { ContactListToolbar, PageSizeSelect } from "@/components/contacts/contact-list-toolbar";
import { ContactTable } from "@/components/contacts/contact-table";
import { FilterChips } from "@/components/contacts/filter-chips";
import { SearchSuggestions } from "@/components/contacts/search-suggestions";
import { EmptyState } from "@/components/ui/empty-state";
import { Toast } from "@/components/ui/toast";
import { buttonClasses } from "@/components/ui/button";
import { capabilitiesOf } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { filtersToSearchParams, parseContactFilters, type ContactFilters } from "@/lib/contacts/contact-filters";
import { activeFilters } from "@/lib/contacts/filter-labels";
import { filterNames } from "@/lib/contacts/filter-names";
import { countContacts, findContacts } from "@/lib/contacts/contact-list";
import { contactListHref } from "@/lib/contacts/list-link";
import { offeredBulkActions } from "@/lib/bulk-actions/bulk-actions";
import { listAssignableSegments } from "@/lib/segments/queries";
import { listSavedFilters } from "@/lib/saved-filters/saved-filters";
import { bulkActionProgressAction, previewBulkActionAction, startBulkActionAction, undoBulkActionAction } from "../bulk/actions";
import { assignableOptionsAction, filterOptionsAction } from "../option-actions";
import { deleteSavedFilterAction, saveFilterAction } from "../saved-filter-actions";
import { formatNumber, plural } from "@/lib/format/number";

// In its own route group so that its loading state does not wrap the contact pages: a streamed
// page cannot answer 404 any more, and an invisible contact must be a real 404.

export const metadata: Metadata = { title: "Contatos" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;


export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const filters = parseContactFilters(params);
  const may = capabilitiesOf(viewer.role);
  // The filter drawer's and the bulk actions' choices are not read here: they load when opened.
  const [page, count, segments, names, saved] = await Promise.all([
    findContacts(viewer, filters),
    countContacts(viewer, filters),
    listAssignableSegments(viewer),
    filterNames(viewer, filters),
    listSavedFilters(viewer),
  ]);
  // The list as shown, without its page: what the links, the export, saved filters and bulk actions start from.
  const current: ContactFilters = { ...filters, after: undefined, before: undefined };
  const href = (change: Partial<ContactFilters>) => contactListHref({ ...current, ...change });
  const filtered = href({}) !== contactListHref();
  const currentQuery = filtersToSearchParams(current).toString();
  const countText = count.exact
    ? plural(count.value, "contato", "contatos")
    : count.approximation === "estimate"
      ? `cerca de ${formatNumber(count.value)} contatos (estimativa)`
      : `mais de ${formatNumber(count.value)} contatos`;

  const activeCount = activeFilters({ ...current, q: undefined }, names).length;

  return (
    <div className="space-y-3">
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Contatos</h1>
        <p className="sr-only">{may["contacts.viewAll"] ? "Todos os contatos da organização." : "Os contatos da sua carteira."}</p>
        {/* A carteira of several segments gets a shortcut to each. */}
        {!may["contacts.viewAll"] && segments.length > 1 && (
          <nav aria-label="Minha carteira" className="flex flex-wrap items-center gap-1 text-sm">
            <Link href={contactListHref()} aria-current={filtered ? undefined : "page"} className={buttonClasses(filtered ? "ghost" : "secondary", "py-1")}>Minha carteira</Link>
            {segments.map((s) => (
              <Link key={s.id} href={contactListHref({ segment: [s.id] })} className={buttonClasses("ghost", "py-1")}>{s.name}</Link>
            ))}
          </nav>
        )}
      </header>

      <ContactListToolbar
        filters={filters}
        activeCount={activeCount}
        options={{ names, load: filterOptionsAction, canFilterWithoutSegment: may["contacts.viewAll"] }}
        saved={{ filters: saved, currentQuery, canShare: may["savedFilters.share"], save: saveFilterAction, remove: deleteSavedFilterAction }}
        canExport={may["contacts.export"]}
      />

      <SearchSuggestions viewer={viewer} filters={filters} typed={typeof params.q === "string" ? params.q : undefined} />

      <BulkSelectionProvider pageIds={page.items.map((c) => c.id)}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {page.items.length > 0 && <span className="lg:hidden"><PageCheckbox label="Selecionar página" /></span>}
        <p className="text-sm font-medium text-slate-700" aria-live="polite">{countText}</p>
        <FilterChips filters={filters} names={names} />
      </div>

      {page.items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="Nenhum contato encontrado."
            description="Revise a busca ou remova algum filtro."
            action={<Link href={contactListHref()} className={buttonClasses("secondary")}>Limpar filtros</Link>}
          />
        ) : (
          <EmptyState
            title="Nenhum contato na sua carteira ainda."
            action={<Link href="/contacts/new" className={buttonClasses("primary")}>+ Criar contato</Link>}
          />
        )
      ) : (
        <>
          <ContactTable items={page.items} selectable />
          <BulkActionsPanel
            query={currentQuery}
            countText={countText}
            kinds={offeredBulkActions(viewer, segments.length)}
            actions={{ options: assignableOptionsAction, preview: previewBulkActionAction, start: startBulkActionAction, progress: bulkActionProgressAction, undo: undoBulkActionAction }}
          />
        </>
      )}
      </BulkSelectionProvider>

      {page.items.length > 0 && (
        <nav aria-label="Paginação" className="flex flex-wrap items-center justify-between gap-3">
          {page.previousCursor ? (
            <Link href={href({ before: page.previousCursor })} className={buttonClasses("secondary")}>← Anteriores</Link>
          ) : <span />}
          <div className="flex items-center gap-3">
            <PageSizeSelect filters={current} />
            {page.nextCursor && <Link href={href({ after: page.nextCursor })} className={buttonClasses("secondary")}>Próximos →</Link>}
          </div>
        </nav>
      )}
      {params.toast === "deleted" && <Toast message="Contato excluído." />}
    </div>
  );
}
