import { describe, expect, it } from "vitest";
import { contactFilters, filtersToSearchParams, parseContactFilters, splitSearchHashtags, type ContactFilters } from "./contact-filters";

// The list's URL state: read forgivingly (a bad value is dropped, never an error), written back
// without defaults. The defaults are written out here by hand, not taken from the schema.

const defaults: ContactFilters = {
  q: undefined,
  segment: [],
  noSegment: false,
  responsible: [],
  tagAll: [],
  tagAny: [],
  tagNone: [],
  priority: [],
  createdFrom: undefined,
  createdTo: undefined,
  updatedFrom: undefined,
  updatedTo: undefined,
  hasPhone: undefined,
  hasEmail: undefined,
  sort: "created",
  size: 25,
  after: undefined,
  before: undefined,
};

const segA = "0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10";
const segB = "7d2c1e90-5a4b-4f7e-8c1d-2b3a4c5d6e7f";
const user = "c9e8d7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f";

const fromQuery = (query: string) => parseContactFilters(new URLSearchParams(query));

describe("parseContactFilters", () => {
  it("gives the defaults for an empty URL, from URLSearchParams and from a searchParams record", () => {
    expect(fromQuery("")).toEqual(defaults);
    expect(parseContactFilters({})).toEqual(defaults);
    expect(contactFilters.parse({})).toEqual(defaults);
  });

  it("reads every field from URLSearchParams", () => {
    const query = new URLSearchParams([
      ["q", "  joão silva "],
      ["segment", segA],
      ["segment", segB],
      ["noSegment", "1"],
      ["responsible", user],
      ["responsible", "none"],
      ["tagAll", "vip"],
      ["tagAny", "novo"],
      ["tagAny", "inadimplente"],
      ["tagNone", "bloqueado"],
      ["priority", "high"],
      ["priority", "low"],
      ["createdFrom", "2026-03-01"],
      ["createdTo", "2026-03-31"],
      ["updatedFrom", "2026-02-28"],
      ["updatedTo", "2026-04-01"],
      ["hasPhone", "yes"],
      ["hasEmail", "no"],
      ["sort", "priority"],
      ["size", "100"],
      ["after", "abc"],
      ["before", "def"],
    ]);
    expect(parseContactFilters(query)).toEqual({
      q: "joão silva",
      segment: [segA, segB],
      noSegment: true,
      responsible: [user, "none"],
      tagAll: ["vip"],
      tagAny: ["novo", "inadimplente"],
      tagNone: ["bloqueado"],
      priority: ["high", "low"],
      createdFrom: "2026-03-01",
      createdTo: "2026-03-31",
      updatedFrom: "2026-02-28",
      updatedTo: "2026-04-01",
      hasPhone: "yes",
      hasEmail: "no",
      sort: "priority",
      size: 100,
      after: "abc",
      before: "def",
    } satisfies ContactFilters);
  });

  it("reads a Next searchParams record: single values, arrays and undefined entries", () => {
    expect(
      parseContactFilters({
        q: "K1",
        segment: [segA, segB],
        responsible: "none",
        priority: ["medium"],
        tagAny: ["#VIP", "Novo"],
        sort: "name",
        size: "50",
        hasEmail: "yes",
        createdFrom: "2026-03-05",
        before: undefined,
      }),
    ).toEqual({
      ...defaults,
      q: "K1",
      segment: [segA, segB],
      responsible: ["none"],
      priority: ["medium"],
      tagAny: ["vip", "novo"],
      sort: "name",
      size: 50,
      hasEmail: "yes",
      createdFrom: "2026-03-05",
    });
  });

  it("takes the first value when a single-valued key is repeated", () => {
    expect(fromQuery("sort=name&sort=updated&size=50&size=100&q=um&q=dois")).toEqual({
      ...defaults,
      sort: "name",
      size: 50,
      q: "um",
    });
    expect(parseContactFilters({ hasPhone: ["no", "yes"], createdTo: ["2026-01-02", "2026-01-03"] })).toEqual({
      ...defaults,
      hasPhone: "no",
      createdTo: "2026-01-02",
    });
  });

  it.each<[string, string, Partial<ContactFilters>]>([
    ["a bad uuid in segment", `segment=not-a-uuid&segment=${segA}&segment=${segA.slice(0, -1)}`, { segment: [segA] }],
    ["a bad uuid in responsible", `responsible=123&responsible=${user}`, { responsible: [user] }],
    ["a responsible other than a uuid or none", "responsible=nobody&responsible=NONE", {}],
    ["an unknown priority", "priority=urgent&priority=high&priority=Alta&priority=HIGH", { priority: ["high"] }],
    ["a bad date", "createdFrom=2026-13-01&createdTo=05/03/2026&updatedFrom=2026-3-5&updatedTo=yesterday", {}],
    ["an impossible day", "createdFrom=2026-02-30&updatedTo=2026-04-31", {}],
    ["page size 37", "size=37", { size: 25 }],
    ["page size not a number", "size=abc", { size: 25 }],
    ["page size 0", "size=0", { size: 25 }],
    ["an unknown sort", "sort=random", { sort: "created" }],
    ["a sort in the wrong case", "sort=Name", { sort: "created" }],
    ["hasPhone/hasEmail other than yes/no", "hasPhone=true&hasEmail=1", {}],
    ["noSegment other than 1", "noSegment=true", { noSegment: false }],
    ["a search longer than 200 characters", `q=${"a".repeat(201)}`, {}],
    ["a cursor longer than 200 characters", `after=${"x".repeat(201)}&before=${"y".repeat(201)}`, {}],
  ])("drops %s silently", (_, query, expected) => {
    expect(fromQuery(query)).toEqual({ ...defaults, ...expected });
  });

  // Values the database would refuse with an error: before, each of these made the list an error page.
  it.each<[string, string[][], Partial<ContactFilters>]>([
    ["a NUL in the search", [["q", "jo\0ão"]], {}],
    ["an escape character in the search", [["q", "\u001b[31m"]], {}],
    ["a NUL in a hashtag", [["tagAll", "vip\0"], ["tagAll", "novo"], ["tagAny", "\0"], ["tagNone", "a\0b"]], { tagAll: ["novo"] }],
    ["month 13, day 45", [["createdFrom", "2024-13-45"], ["updatedTo", "2024-13-45"]], {}],
    ["year 0", [["createdFrom", "0000-01-01"], ["createdTo", "0000-01-01"]], {}],
    ["a year before 1900 or past 9999", [["createdFrom", "1899-12-31"], ["updatedFrom", "10000-01-01"]], {}],
    ["a NUL after a day", [["createdFrom", "2026-03-05\0"]], {}],
    ["a NUL in an id", [["segment", `${segA}\0`], ["responsible", `${user}\0`]], {}],
  ])("drops %s", (_, entries, expected) => {
    expect(parseContactFilters(new URLSearchParams(entries))).toEqual({ ...defaults, ...expected });
  });

  it("never throws, whatever the URL holds", () => {
    const hostile = new URLSearchParams([
      ["segment", ""],
      ["responsible", ""],
      ["size", "-1"],
      ["size", "1e3"],
      ["sort", ""],
      ["tagAll", ",,, # ##"],
      ["unknown", "value"],
      ["__proto__", "x"],
    ]);
    expect(() => parseContactFilters(hostile)).not.toThrow();
    expect(parseContactFilters(hostile)).toEqual(defaults);
  });

  it("accepts the sizes 25, 50 and 100 and every sort", () => {
    for (const size of [25, 50, 100]) expect(fromQuery(`size=${size}`).size).toBe(size);
    for (const sort of ["created", "updated", "name", "priority"] as const) expect(fromQuery(`sort=${sort}`).sort).toBe(sort);
  });

  it("lower-cases uuids and removes duplicates", () => {
    expect(fromQuery(`segment=${segA.toUpperCase()}&segment=${segA}&responsible=${user}&responsible=${user.toUpperCase()}`)).toEqual({
      ...defaults,
      segment: [segA],
      responsible: [user],
    });
    expect(fromQuery("priority=high&priority=high").priority).toEqual(["high"]);
  });

  it('reads responsible=none as "sem responsável", alone or mixed with users', () => {
    expect(fromQuery("responsible=none").responsible).toEqual(["none"]);
    expect(fromQuery(`responsible=none&responsible=${user}&responsible=none`).responsible).toEqual(["none", user]);
  });

  it.each<[string, string[]]>([
    ["#VIP, novo", ["vip", "novo"]],
    ["vip novo", ["vip", "novo"]],
    ["#vip #novo", ["vip", "novo"]],
    ["vip,novo,,  ,", ["vip", "novo"]],
    ["  #VIP\t#Vip  vip ", ["vip"]],
    ["##Inadimplência", ["inadimplência"]],
    ["#", []],
    [" , ", []],
  ])("splits the tag box %j into %j", (box, tags) => {
    for (const key of ["tagAll", "tagAny", "tagNone"] as const) {
      expect(parseContactFilters(new URLSearchParams([[key, box]]))[key]).toEqual(tags);
      expect(parseContactFilters({ [key]: box })[key]).toEqual(tags);
    }
  });

  it("merges several tag boxes of one kind and keeps the kinds apart", () => {
    expect(fromQuery("tagAll=%23VIP%2C+novo&tagAll=vip&tagAll=pos-venda&tagNone=bloqueado")).toEqual({
      ...defaults,
      tagAll: ["vip", "novo", "pos-venda"],
      tagNone: ["bloqueado"],
    });
  });

  it.each(["q", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "hasPhone", "hasEmail", "sort", "size", "noSegment"])(
    "ignores an empty %s",
    (key) => {
      expect(fromQuery(`${key}=`)).toEqual(defaults);
      expect(parseContactFilters({ [key]: "" })).toEqual(defaults);
    },
  );

  // The cursors come back as "" rather than undefined (z.string().max(200) has no min(1)); what
  // matters to the list is that an empty cursor is no cursor and is not written back to the URL.
  it.each(["after", "before"] as const)("treats an empty %s as no cursor", (key) => {
    const filters = fromQuery(`${key}=`);
    expect(filters[key]).toBeFalsy();
    expect({ ...filters, [key]: undefined }).toEqual(defaults);
    expect(filtersToSearchParams(filters).toString()).toBe("");
  });

  it("ignores empty and blank list values and a blank search", () => {
    expect(fromQuery("q=+++&segment=&responsible=&priority=&tagAll=&tagAny=+&tagNone=")).toEqual(defaults);
    expect(parseContactFilters({ q: "   ", segment: ["", segA], priority: [""], tagAny: [""] })).toEqual({ ...defaults, segment: [segA] });
  });
});

describe("filtersToSearchParams", () => {
  const rich: ContactFilters = {
    q: "joão da silva",
    segment: [segA, segB],
    noSegment: true,
    responsible: [user, "none"],
    tagAll: ["vip", "novo"],
    tagAny: ["inadimplência", "pós-venda"],
    tagNone: ["bloqueado"],
    priority: ["high", "medium"],
    createdFrom: "2026-03-01",
    createdTo: "2026-03-05",
    updatedFrom: "2026-02-01",
    updatedTo: "2026-02-28",
    hasPhone: "yes",
    hasEmail: "no",
    sort: "priority",
    size: 50,
    after: "WyIzIiwiMjAyNi0wMy0wNSJd",
    before: undefined,
  };

  it("round-trips rich filters: parse(toSearchParams(f)) equals f", () => {
    const params = filtersToSearchParams(rich);
    expect(parseContactFilters(params)).toEqual(rich);
    // Through the URL string too, as the browser sees it.
    expect(parseContactFilters(new URLSearchParams(params.toString()))).toEqual(rich);
    // And as Next hands it to a page: repeated keys as arrays, single ones as strings.
    const record: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      const values = params.getAll(key);
      record[key] = values.length === 1 ? values[0] : values;
    }
    expect(parseContactFilters(record)).toEqual(rich);
  });

  it.each<[string, Partial<ContactFilters>]>([
    ["the other sort and size", { sort: "name", size: 100, before: "abc", hasPhone: "no", hasEmail: "yes" }],
    ["one of each list", { segment: [segB], responsible: ["none"], priority: ["low"], tagNone: ["vip"] }],
    ["sort updated", { sort: "updated" }],
  ])("round-trips %s", (_, partial) => {
    const filters = { ...defaults, ...partial };
    expect(parseContactFilters(filtersToSearchParams(filters))).toEqual(filters);
  });

  it("writes list values as repeated keys", () => {
    const params = filtersToSearchParams(rich);
    expect(params.getAll("segment")).toEqual([segA, segB]);
    expect(params.getAll("responsible")).toEqual([user, "none"]);
    expect(params.getAll("tagAll")).toEqual(["vip", "novo"]);
    expect(params.get("noSegment")).toBe("1");
    expect(params.get("size")).toBe("50");
    expect(params.get("sort")).toBe("priority");
  });

  it("leaves defaults out of the URL", () => {
    expect(filtersToSearchParams(defaults).toString()).toBe("");
    expect(filtersToSearchParams(parseContactFilters({})).toString()).toBe("");
    expect(filtersToSearchParams({}).toString()).toBe("");
    expect(filtersToSearchParams({ sort: "created", size: 25, noSegment: false, segment: [], q: "" }).toString()).toBe("");
    expect(filtersToSearchParams({ ...defaults, priority: ["high"] }).toString()).toBe("priority=high");
    const params = filtersToSearchParams({ ...defaults, sort: "name", size: 25 });
    expect([...params.keys()]).toEqual(["sort"]);
  });
});

describe("default sort", () => {
  it("is the most recently updated first when filtering by update date", () => {
    expect(parseContactFilters({ updatedFrom: "2025-06-01" }).sort).toBe("updated");
    expect(parseContactFilters({ updatedTo: "2025-06-30" }).sort).toBe("updated");
    expect(parseContactFilters({}).sort).toBe("created");
  });

  it("keeps an explicit sort, and writes it to the URL only when it is not the default", () => {
    const explicit = parseContactFilters({ updatedFrom: "2025-06-01", sort: "created" });
    expect(explicit.sort).toBe("created");
    expect(filtersToSearchParams(explicit).get("sort")).toBe("created");
    expect(filtersToSearchParams(parseContactFilters({ updatedFrom: "2025-06-01" })).get("sort")).toBeNull();
  });
});

// "#vip" typed in the search box is the hashtag filter, not a text nobody's name holds.
describe("hashtags typed in the search box", () => {
  it.each<[string, string | undefined, string[]]>([
    ["#vip", undefined, ["vip"]],
    ["#VIP joão", "joão", ["vip"]],
    ["joão   #vip  silva #Novo", "joão silva", ["vip", "novo"]],
    ["#vip, #novo", undefined, ["vip", "novo"]],
    ["#vip #VIP", undefined, ["vip"]],
    ["#pós-venda", undefined, ["pós-venda"]],
  ])("reads q %j as q %j and tagAll %j", (typed, q, tagAll) => {
    expect(fromQuery(new URLSearchParams([["q", typed]]).toString())).toEqual({ ...defaults, q, tagAll });
    expect(parseContactFilters({ q: typed })).toEqual({ ...defaults, q, tagAll });
  });

  it.each(["Loja #1", "#", "joão#vip", "#vip!", "C#", `#${"a".repeat(51)}`])("leaves %j in the search: not a hashtag", (typed) => {
    expect(parseContactFilters({ q: typed })).toEqual({ ...defaults, q: typed });
  });

  it("adds them to the hashtags already filtered, without repeating one", () => {
    expect(parseContactFilters({ q: "#novo ana", tagAll: ["vip", "novo"], tagAny: "b2b" })).toEqual({
      ...defaults,
      q: "ana",
      tagAll: ["vip", "novo"],
      tagAny: ["b2b"],
    });
  });

  it("writes the normalized form to the URL, which reads back the same", () => {
    const filters = parseContactFilters({ q: "#vip silva" });
    expect(filtersToSearchParams(filters).toString()).toBe("q=silva&tagAll=vip");
    expect(parseContactFilters(filtersToSearchParams(filters))).toEqual(filters);
  });

  it("splits the text with splitSearchHashtags, keeping a search without hashtags exactly as typed", () => {
    expect(splitSearchHashtags("#vip  joão   silva")).toEqual({ q: "joão silva", tags: ["vip"] });
    expect(splitSearchHashtags("joão   silva")).toEqual({ q: "joão   silva", tags: [] });
    expect(splitSearchHashtags(undefined)).toEqual({ q: undefined, tags: [] });
  });
});
