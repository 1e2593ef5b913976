import { Badge } from "@/components/ui/badge";
import { Cell, TableCard } from "@/components/ui/table-card";
import type { ActionResult } from "@/lib/actions/result";
import { apiScopeLabels } from "@/lib/api-keys/api-key-input";
import type { ApiKeyOverview } from "@/lib/api-keys/keys";
import { formatAge, formatDate, formatDateTime } from "@/lib/format/date";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export type ApiKeyTableProps = {
  apiKeys: ApiKeyOverview[];
  revoke: (id: string) => Promise<ActionResult>;
  /** The moment "há 3 horas" counts from; the request's, by default. */
  now?: Date;
};

/** The organization's keys, by their shown prefix, what they may do, who made them and when they were last used. */
export function ApiKeyTable({ apiKeys, revoke, now = new Date() }: ApiKeyTableProps) {
  return (
    <TableCard
      caption="Chaves de API"
      cards
      head={
        <>
          <th scope="col" className="px-4 py-3">Nome</th>
          <th scope="col" className="px-4 py-3">Chave</th>
          <th scope="col" className="px-4 py-3">Permissões</th>
          <th scope="col" className="px-4 py-3">Contatos</th>
          <th scope="col" className="px-4 py-3">Criada</th>
          <th scope="col" className="px-4 py-3">Último uso</th>
          <th scope="col" className="px-4 py-3">Situação</th>
          <th scope="col" className="px-4 py-3"><span className="sr-only">Ações</span></th>
        </>
      }
    >
      {apiKeys.map((key) => (
        <tr key={key.id} className={key.revokedAt ? "bg-slate-50 text-slate-500" : "hover:bg-slate-50"}>
          <Cell className="px-4 py-3 font-medium">{key.name}</Cell>
          <Cell label="Chave" className="px-4 py-3 font-mono text-xs whitespace-nowrap">{key.prefix}…</Cell>
          <Cell label="Permissões" className="px-4 py-3">
            <span className="inline-flex flex-wrap gap-1">
              {key.scopes.map((scope) => (
                <span key={scope} title={scope}>
                  <Badge tone={key.revokedAt ? "slate" : "indigo"}>{apiScopeLabels[scope]}</Badge>
                </span>
              ))}
            </span>
          </Cell>
          <Cell label="Contatos" className="px-4 py-3">
            {key.segmentNames.length > 0 ? key.segmentNames.join(", ") : "Toda a organização"}
            <span className="block text-xs text-slate-500">até {key.requestsPerMinute.toLocaleString("pt-BR")} req./min</span>
          </Cell>
          <Cell label="Criada" className="px-4 py-3">
            <time dateTime={key.createdAt.toISOString()} title={formatDateTime(key.createdAt)}>{formatDate(key.createdAt)}</time> por {key.createdByName}
          </Cell>
          <Cell label="Último uso" className="px-4 py-3">
            {key.lastUsedAt ? (
              <time dateTime={key.lastUsedAt.toISOString()} title={formatDateTime(key.lastUsedAt)}>{formatAge(key.lastUsedAt, now)}</time>
            ) : (
              "nunca usada"
            )}
          </Cell>
          <Cell label="Situação" className="px-4 py-3">
            {key.revokedAt ? (
              <span title={`Revogada em ${formatDateTime(key.revokedAt)}`}><Badge tone="slate">Revogada</Badge></span>
            ) : (
              <Badge tone="green">Ativa</Badge>
            )}
          </Cell>
          <Cell className="px-4 py-3 text-right">{!key.revokedAt && <RevokeApiKeyButton apiKey={{ id: key.id, name: key.name, prefix: key.prefix }} revoke={revoke} />}</Cell>
        </tr>
      ))}
    </TableCard>
  );
}
