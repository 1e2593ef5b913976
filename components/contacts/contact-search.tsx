import { Input } from "@/components/ui/input";
import { buttonClasses } from "@/components/ui/button";

/** A plain GET form: the search lives in the URL, so it can be shared and the back button works. */
export function ContactSearch({ defaultValue }: { defaultValue: string }) {
  return (
    <form role="search" action="/contacts" className="flex max-w-xl items-end gap-2">
      <div className="flex-1">
        <label htmlFor="contact-search" className="mb-1.5 block text-sm font-medium text-slate-800">
          Busca rápida
        </label>
        <Input
          id="contact-search"
          name="q"
          type="search"
          defaultValue={defaultValue}
          placeholder="Código do cliente, CPF/CNPJ ou nome"
          aria-describedby="contact-search-hint"
        />
        <p id="contact-search-hint" className="sr-only">
          Busque pelo código do cliente, pelo CPF ou CNPJ com ou sem pontuação, ou por parte do nome.
        </p>
      </div>
      <button type="submit" className={buttonClasses("secondary")}>Buscar</button>
    </form>
  );
}
