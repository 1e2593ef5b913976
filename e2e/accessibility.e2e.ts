import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, open, signIn } from "./session";

// Every page each demo role can reach, checked by axe-core (all its default rules, WCAG A/AA and
// best practices) on a desktop and on a phone, plus "no sideways scrolling" on the phone. A failure
// lists every violation of the role at that width, with where and why, so it can be fixed at once.

const widths = [
  { name: "1366", viewport: { width: 1366, height: 768 } },
  { name: "390", viewport: { width: 390, height: 844 } },
] as const;

type Check = {
  path: string;
  /** What to do before the check, on the loaded page (open the phone menu, the filters), and what that opened. */
  prepare?: { opens: string; run: (page: Page) => Promise<void> };
  /** Only under the md breakpoint (the Menu button is hidden from there up). */
  phoneOnly?: boolean;
  /** The answer expected: 404 for the Portuguese not-found inside the app shell. */
  status?: number;
};

let browser: Browser;
// Found once by the admin: a segment the operator and the supervisor belong to, a user, a template.
const ids = { segment: "", user: "", template: "" };

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin@demo.test");
  await page.waitForURL("**/contacts");
  await open(page, "/segments");
  ids.segment = idIn(await page.getByRole("link", { name: "Varejo SP", exact: true }).first().getAttribute("href"), "/segments/");
  await open(page, "/users");
  ids.user = idIn(await page.locator('main a[href^="/users/"]').first().getAttribute("href"), "/users/");
  await open(page, "/templates");
  ids.template = idIn(await page.getByRole("link", { name: "Fatura disponível" }).getAttribute("href"), "/templates/");
  await context.close();
});
afterAll(async () => {
  await browser?.close();
});

function idIn(href: string | null, prefix: string): string {
  expect(href?.startsWith(prefix)).toBe(true);
  return href!.slice(prefix.length);
}

const openMenu = {
  opens: "menu",
  run: async (page: Page) => {
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Principal" }).waitFor({ state: "visible" });
  },
};

// The drawer and the dialog load their options when they open: each is checked once they are in
// (Varejo SP is a segment of every demo role).
const openFilters = {
  opens: "filters",
  run: async (page: Page) => {
    await page.getByRole("button", { name: "Filtros", exact: true }).click();
    await page.getByRole("dialog", { name: "Filtros" }).getByRole("combobox", { name: "Segmentos" }).click();
    await page.getByRole("option", { name: "Varejo SP" }).waitFor();
    // Closed again: React Aria portals the open list outside the page's landmarks (axe's "region").
    await page.keyboard.press("Escape");
    await page.getByRole("listbox").waitFor({ state: "hidden" });
  },
};
// The editor's preview, for the first contact the picker offers: the rendered message and, for the
// demo's e-mail template, the variables that would be empty.
const openTemplatePreview = {
  opens: "preview",
  run: async (page: Page) => {
    // React Aria closes an open list when the page scrolls: the scroll that brings the picker into
    // view (on a phone) must be over before the click opens it.
    const picker = page.getByRole("combobox", { name: "Contato da pré-visualização" });
    await picker.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await picker.click();
    await page.getByRole("listbox").getByRole("option").first().click();
    await page.getByRole("region", { name: "Pré-visualização" }).getByText("Assunto:").waitFor();
  },
};
const openBulkSegments = {
  opens: "bulk action",
  run: async (page: Page) => {
    await page.locator("tbody tr").first().getByRole("checkbox").check();
    await page.getByRole("button", { name: /Ações em massa/ }).click();
    await page.getByRole("menuitem", { name: "Adicionar aos segmentos" }).click();
    await page.getByRole("dialog").getByRole("checkbox", { name: "Varejo SP" }).waitFor();
  },
};

/** The pages of a signed-in role; the contact is the first one of the role's own list. */
function pagesOf(contact: string, extra: Check[]): Check[] {
  return [
    { path: "/contacts" },
    { path: "/contacts", prepare: openFilters },
    { path: "/contacts", prepare: openBulkSegments },
    { path: `/contacts?segment=${ids.segment}` },
    { path: "/contacts/new" },
    { path: contact },
    { path: `${contact}/edit` },
    { path: "/contacts/bulk" },
    ...extra,
    { path: "/account/password" },
    { path: "/qualquer-coisa", status: 404 },
    { path: "/account/password", prepare: openMenu, phoneOnly: true },
  ];
}

const roles: { email: string | null; pages: (contact: string) => Check[] }[] = [
  // The API reference is public: an integrator's developer reads it without a login.
  { email: null, pages: () => [{ path: "/login" }, { path: "/api-docs" }] },
  // The dashboard and the import are not an operator's: they answer the not-found inside the shell.
  {
    email: "ana@demo.test",
    pages: (contact) =>
      pagesOf(contact, [
        { path: "/dashboard", status: 404 },
        { path: "/contacts/import", status: 404 },
        { path: "/contacts/import/history", status: 404 },
        { path: "/live" },
        // An attendance that does not exist (or is not the viewer's) is the not-found.
        { path: "/live/00000000-0000-4000-8000-000000000000", status: 404 },
        { path: "/reports/attendances", status: 404 },
        { path: "/settings/live", status: 404 },
        { path: "/templates", status: 404 },
        { path: "/templates/new", status: 404 },
        { path: "/campaigns", status: 404 },
        { path: "/campaigns/new", status: 404 },
      ]),
  },
  {
    email: "lider@demo.test",
    pages: (contact) =>
      pagesOf(contact, [
        { path: "/dashboard" },
        { path: "/contacts/import" },
        { path: "/contacts/import/history" },
        { path: "/live" },
        { path: "/reports/attendances" },
        { path: "/reports/attendances/list?channel=email" },
        { path: "/settings/live", status: 404 },
        { path: "/templates" },
        { path: "/templates/new" },
        { path: "/campaigns" },
        { path: "/campaigns/new" },
      ]),
  },
  {
    email: "admin@demo.test",
    pages: (contact) =>
      pagesOf(contact, [
        { path: "/dashboard" },
        { path: "/contacts/import" },
        { path: "/contacts/import/history" },
        { path: "/live" },
        { path: "/segments" },
        { path: `/segments/${ids.segment}` },
        { path: "/users" },
        { path: `/users/${ids.user}` },
        { path: "/audit" },
        { path: "/reports/attendances?priority=high" },
        { path: "/reports/attendances/list" },
        { path: "/settings/live" },
        { path: "/templates" },
        { path: `/templates/${ids.template}`, prepare: openTemplatePreview },
        // A malformed id is the not-found, never an error.
        { path: "/templates/nao-existe", status: 404 },
        { path: "/campaigns" },
        { path: "/campaigns/new" },
        { path: "/campaigns/nao-existe", status: 404 },
      ]),
  },
];

async function firstContact(page: Page): Promise<string> {
  await open(page, "/contacts");
  const href = await page.locator('tbody a[href^="/contacts/"]').first().getAttribute("href");
  expect(href).toMatch(/^\/contacts\/[0-9a-f-]{36}$/);
  return href!;
}

/** Every problem of one page, as lines of the failure message. */
async function problemsOf(page: Page, check: Check, width: number): Promise<string[]> {
  const where = `${check.path}${check.prepare ? ` (${check.prepare.opens} open)` : ""}`;
  const response = await page.goto(baseUrl() + check.path);
  await page.waitForLoadState("networkidle");
  const problems: string[] = [];
  const status = response?.status();
  if (status !== (check.status ?? 200)) problems.push(`${where}: answered ${status}, expected ${check.status ?? 200}`);
  if (check.path !== "/login" && new URL(page.url()).pathname === "/login") return [`${where}: sent to /login`];
  if (check.status === 404) {
    // The Portuguese not-found, inside the app shell.
    const heading = await page.getByRole("heading", { level: 1 }).allTextContents();
    // In the DOM, not by role: on a phone the navigation is in the closed menu.
    const nav = await page.locator('nav[aria-label="Principal"]').count();
    if (!heading.includes("Página não encontrada") || nav !== 1) problems.push(`${where}: not the not-found page in the shell (h1 ${JSON.stringify(heading)})`);
  }
  await check.prepare?.run(page);

  const results = await new AxeBuilder({ page }).analyze();
  for (const violation of results.violations) {
    problems.push(`${where}: ${violation.id} (${violation.impact}) — ${violation.help} ${violation.helpUrl}`);
    for (const node of violation.nodes) {
      problems.push(`    ${node.target.join(" ")}: ${(node.failureSummary ?? "").replace(/\s+/g, " ")}`);
    }
  }

  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width) problems.push(`${where}: scrolls sideways (${scrollWidth} px wide in a ${width} px window)`);
  return problems;
}

describe("accessibility (axe-core) of every page, by role, on a desktop and a phone", () => {
  for (const role of roles) {
    for (const { name, viewport } of widths) {
      it(`${role.email ?? "signed out"} at ${name} px`, { timeout: 300_000 }, async () => {
        let context: BrowserContext | undefined;
        try {
          context = await browser.newContext({ viewport });
          const page = await context.newPage();
          let contact = "";
          if (role.email) {
            await signIn(page, role.email);
            await page.waitForURL("**/contacts");
            contact = await firstContact(page);
          }
          const problems: string[] = [];
          const checks = role.pages(contact).filter((check) => !check.phoneOnly || viewport.width < 768);
          for (const check of checks) problems.push(...(await problemsOf(page, check, viewport.width)));
          expect(problems, `\n${problems.join("\n")}\n`).toEqual([]);
        } finally {
          await context?.close();
        }
      });
    }
  }
});
