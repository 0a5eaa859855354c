// Jala's web UI: one page that reads the node's JSON API (docs/formats/http-api.md) and shows networks
// with their money, lures, the accounts behind them, suspect accounts, the freeze list, traces of an
// account's money and selector searches. Every value from the store is put in the page as text (textContent), never as markup.
"use strict";

const view = document.getElementById("view");

function element(tag, text, attributes = {}) {
  const made = document.createElement(tag);
  if (text !== undefined && text !== null) made.textContent = String(text);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  return made;
}

function link(text, hash) {
  return element("a", text, { href: hash });
}

async function api(path) {
  const response = await fetch("/api/v1/" + path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

// A table of `rows`: each column is [heading, (row) => text or node, numeric].
function table(columns, rows) {
  const made = element("table");
  const head = made.createTHead().insertRow();
  for (const [heading] of columns) head.appendChild(element("th", heading));
  const body = made.createTBody();
  for (const row of rows) {
    const line = body.insertRow();
    for (const [, cell, numeric] of columns) {
      const value = cell(row);
      const td = line.insertCell();
      if (numeric) td.className = "number";
      if (value instanceof Node) td.appendChild(value); else td.textContent = value ?? "";
    }
  }
  return made;
}

function reportLink(report) {
  const key = report.source + "/" + report.id;
  return link(key, "#report/" + encodeURIComponent(report.source) + "/" + encodeURIComponent(report.id));
}

function networkLinks(ids) {
  const span = element("span");
  ids.forEach((id, i) => {
    if (i > 0) span.append(", ");
    span.appendChild(link(id, "#network/" + encodeURIComponent(id)));
  });
  return span;
}

// An account, linked to the trace of its money.
function accountLink(account) {
  return link(account, "#trace/" + encodeURIComponent(account));
}

const money = (value) => Number(value).toLocaleString("en", { maximumFractionDigits: 0 });

function show(title, ...nodes) {
  view.replaceChildren(element("h2", title), ...nodes);
}

async function networks() {
  const listed = await api("networks?top=100");
  show(`Networks (${listed.count})` + cutNote("best", listed.networks.length, listed.count), table([
    ["Network", (n) => link(n.id, "#network/" + encodeURIComponent(n.id))],
    ["Score", (n) => n.score.toFixed(2), true],
    ["Reports", (n) => n.report_count, true],
    ["Selectors", (n) => n.selector_count, true],
    ["Victims", (n) => n.victims, true],
    ["Loss (USD)", (n) => money(n.loss_usd), true],
    ["Victim countries", (n) => n.countries.join(", ")],
  ], listed.networks));
}

// A network's page lists this many links, hubs and reports of its timeline: the largest network of a
// large node joins hundreds of thousands of reports.
const k_network_listed = 200;

// " (the first 200 of 7885)" when a list was cut, else "": `which` says which part is shown.
function cutNote(which, shown, total) {
  return shown < total ? ` (the ${which} ${shown} of ${total})` : "";
}

async function network(id) {
  const shown = await api("networks/" + encodeURIComponent(id) + "?top=" + k_network_listed);
  show(`Network ${shown.id}`,
    element("p", `${shown.report_count} reports, ${shown.victims} victims in ${shown.countries.join(", ") || "-"}, ` +
      `${money(shown.loss_usd)} USD lost, score ${shown.score.toFixed(2)}`),
    element("h3", "Links: the selectors that join its reports" + cutNote("first", shown.links.length, shown.selector_count)),
    table([
      ["Selector", (l) => l.selector],
      ["Reports", (l) => {
        const s = element("span");
        l.reports.forEach((r, i) => { if (i) s.append(", "); s.appendChild(reportLink(r)); });
        if (l.reports.length < l.report_count) s.append(` and ${l.report_count - l.reports.length} more`);
        return s;
      }],
    ], shown.links),
    ...moneyOf(shown.money),
    element("h3", "Hubs: shown, never links" + cutNote("first", shown.hubs.length, shown.hub_count)),
    table([["Selector", (h) => h.selector], ["Why", (h) => h.why]], shown.hubs),
    element("h3", "Timeline" + cutNote("latest", shown.timeline.length, shown.report_count)),
    table([
      ["Reported", (t) => t.reported_at],
      ["Report", (t) => reportLink(t)],
      ["Kind", (t) => t.kind],
      ["Country", (t) => t.country],
    ], shown.timeline));
}

// A network's money (`money` of GET /api/v1/networks/ID): what its accounts received and paid on, and where
// the money left.
function moneyOf(flows) {
  if (!flows || flows.accounts.length === 0) return [];
  return [
    element("h3", "Money"),
    element("p", `${flows.accounts.length} account(s) of the network received ${money(flows.in_usd)} USD from ` +
      `outside in ${flows.in_transactions} transaction(s) and paid ${money(flows.out_usd)} USD out in ` +
      `${flows.out_transactions}; ${money(flows.internal_usd)} USD moved between its own accounts.`),
    table([
      ["Where it left", (e) => accountLink(e.account)],
      ["USD", (e) => money(e.usd), true],
      ["Transactions", (e) => e.transactions, true],
      ["Pays on", (e) => (e.pays_on ? "yes" : "no: a cash-out")],
    ], flows.exits),
  ];
}

async function lures() {
  const form = element("form");
  const to = element("input", null, { name: "to", placeholder: "KH", size: "4", "aria-label": "destination" });
  const minUsd = element("input", null, { name: "min_usd", placeholder: "1000", size: "6", "aria-label": "at least USD a month" });
  const perk = element("select", null, { name: "perk", "aria-label": "perk" });
  for (const choice of ["", "visa", "flight", "housing", "meals"]) perk.appendChild(element("option", choice || "any perk", { value: choice }));
  form.append(element("label", "To "), to, element("label", "At least USD/month "), minUsd, perk, element("button", "Filter"));
  const results = element("div");
  const load = async () => {
    const query = new URLSearchParams({ top: "500" });
    if (to.value) query.set("to", to.value);
    if (minUsd.value) query.set("min_usd", minUsd.value);
    if (perk.value) query.set("perk", perk.value);
    try {
      const listed = await api("lures?" + query);
      results.replaceChildren(element("p", `${listed.count} lure(s) match, latest first` +
        cutNote("latest", listed.lures.length, listed.count)), table([
        ["Reported", (l) => l.reported_at.slice(0, 10)],
        ["Report", (l) => reportLink(l)],
        ["By", (l) => l.country],
        ["Salary", (l) => l.salary ? `${money(l.salary.amount)} ${l.salary.currency}/${l.salary.period}` : ""],
        ["USD/month", (l) => l.salary && l.salary.usd_per_month !== undefined ? money(l.salary.usd_per_month) : "", true],
        ["To", (l) => l.destinations.join(", ")],
        ["Perks", (l) => l.perks.join(", ")],
        ["Employer", (l) => l.employer ?? ""],
      ], listed.lures));
    } catch (failure) {
      results.replaceChildren(element("p", failure.message, { class: "error" }));
    }
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); load(); });
  show("Lures", form, results);
  await load();
}

async function lureAccounts() {
  const listed = await api("lures/accounts?top=200");
  show(`Accounts that post lures (${listed.count})` + cutNote("first", listed.accounts.length, listed.count), table([
    ["Account", (a) => a.account],
    ["Lure reports", (a) => a.lure_reports, true],
    ["Reported by", (a) => a.countries.join(", ")],
    ["Promising", (a) => a.destinations.join(", ")],
    ["First seen", (a) => a.first_seen.slice(0, 10)],
    ["Last seen", (a) => a.last_seen.slice(0, 10)],
    ["Networks", (a) => networkLinks(a.networks)],
  ], listed.accounts));
}

async function suspects() {
  const listed = await api("suspects?top=200");
  show(`Suspect accounts (${listed.count})` + cutNote("first", listed.accounts.length, listed.count), table([
    ["Account", (a) => accountLink(a.account)],
    ["Role", (a) => a.role],
    ["Score", (a) => a.score.toFixed(2), true],
    ["Holds (USD)", (a) => money(a.held_usd), true],
    ["Network", (a) => a.network ? networkLinks([a.network]) : ""],
    ["Why", (a) => a.why.join("; ")],
  ], listed.accounts));
}

const k_freeze_accounts_shown = 200;

async function freezeList(country) {
  const form = element("form");
  const input = element("input", null, { name: "country", placeholder: "KH", size: "4", "aria-label": "country" });
  input.value = country || "";
  form.append(element("label", "Country "), input, element("button", "Filter"));
  form.addEventListener("submit", (event) => { event.preventDefault(); location.hash = "#freeze-list/" + encodeURIComponent(input.value); });
  let listed;
  try {
    // The most recoverable accounts of each institution: a large node's list names tens of thousands.
    listed = await api("freeze-list?top=" + k_freeze_accounts_shown + (country ? "&country=" + encodeURIComponent(country) : ""));
  } catch (failure) {
    show("Freeze list", form, element("p", failure.message, { class: "error" }));
    return;
  }
  const groups = listed.groups.map((group) => [
    element("h3", `${group.country || "--"} ${group.institution}: ${money(group.recoverable_usd)} USD recoverable` +
      cutNote("first", group.accounts.length, group.accounts_total)),
    table([
      ["Account", (a) => accountLink(a.account)],
      ["Role", (a) => a.role],
      ["Score", (a) => a.score.toFixed(2), true],
      ["Holds (USD)", (a) => money(a.held_usd), true],
      ["Recoverable (USD)", (a) => money(a.recoverable_usd), true],
      ["Last activity", (a) => a.last_activity],
      ["Network", (a) => a.network ? networkLinks([a.network]) : ""],
      ["Why", (a) => a.why.join("; ")],
    ], group.accounts),
  ]).flat();
  show(listed.as_of ? `Freeze list as of ${listed.as_of}` : "Freeze list: the store holds no transactions", form,
    element("p", `${listed.groups.length} institution(s): one stop-payment request each, most recoverable first`), ...groups);
}

// Where an account's money went (`back`: the victims' payments that reached it), by the rule and hop limit
// the form sets. A collector's trace over a year can hold hundreds of thousands of hops: the page asks for
// them a window at a time, with buttons to the windows before and after.
const k_window = 500;

// "Hops 501 to 1000 of 2345", with the buttons that move the window; `move(offset)` loads another.
function windowNavigation(what, offset, shown, total, move) {
  const nav = element("p");
  nav.append(offset === 0 && shown === total ? `${what} (${total})` : `${what} ${offset + 1} to ${offset + shown} of ${total}`);
  if (offset > 0) {
    const earlier = element("button", "Earlier", { type: "button" });
    earlier.addEventListener("click", () => move(Math.max(0, offset - k_window)));
    nav.append(" ", earlier);
  }
  if (offset + shown < total) {
    const later = element("button", "Later", { type: "button" });
    later.addEventListener("click", () => move(offset + k_window));
    nav.append(" ", later);
  }
  return nav;
}

async function trace(account, back) {
  const form = element("form");
  const rule = element("select", null, { name: "rule", "aria-label": "taint rule" });
  for (const choice of ["fifo", "proportional"]) rule.appendChild(element("option", choice, { value: choice }));
  const hops = element("input", null, { name: "max_hops", size: "3", "aria-label": "at most hops", placeholder: "8" });
  form.append(element("label", "Rule "), rule, element("label", " At most hops "), hops, element("button", "Trace"));
  const results = element("div");
  const switcher = element("p");
  switcher.appendChild(back ? link("Where its money went", "#trace/" + encodeURIComponent(account))
    : link("Where its money came from", "#trace-back/" + encodeURIComponent(account)));
  show(back ? `Money that reached ${account}` : `Money from ${account}`, switcher, form, results);
  const load = async (offset = 0) => {
    const query = new URLSearchParams({ from: account, rule: rule.value, offset, limit: k_window });
    if (back) query.set("back", "true");
    if (hops.value) query.set("max_hops", hops.value);
    try {
      const traced = await api("trace?" + query);
      const transfer = [
        ["At", (t) => t.at],
        ["From", (t) => accountLink(t.from)],
        ["To", (t) => accountLink(t.to)],
        ["Amount", (t) => `${money(t.amount)} ${t.currency}`, true],
        ["By", (t) => t.channel],
      ];
      if (back) {
        results.replaceChildren(
          element("p", `${money(traced.reached_usd)} USD from ${traced.payments_total} origin payment(s), traced by ${traced.rule}`),
          windowNavigation("Origin payments", traced.offset, traced.payments.length, traced.payments_total, load),
          table([...transfer, ["Reached it (USD)", (p) => money(p.reached_usd), true]], traced.payments));
        return;
      }
      results.replaceChildren(
        element("p", `${money(traced.seeded_usd)} USD traced by ${traced.rule} up to ${traced.max_hops} hops`),
        element("h3", "Where it stopped" + cutNote("largest", traced.endpoints.length, traced.endpoints_total)),
        table([
          ["Account", (e) => accountLink(e.account)],
          ["Why it stopped", (e) => e.reason],
          ["USD", (e) => money(e.taint_usd), true],
        ], traced.endpoints),
        element("h3", "Hops"),
        windowNavigation("Hops", traced.offset, traced.hops.length, traced.hops_total, load),
        table([["Hop", (h) => h.hop, true], ...transfer, ["Traced (USD)", (h) => money(h.taint_usd), true]],
          traced.hops));
    } catch (failure) {
      results.replaceChildren(element("p", failure.message, { class: "error" }));
    }
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); load(); });
  await load();
}

function search(query) {
  const form = element("form");
  const input = element("input", null, { name: "selector", placeholder: "phone:+84 912 345 678", size: "40", "aria-label": "selector" });
  input.value = query || "";
  form.append(input, element("button", "Search"));
  form.addEventListener("submit", (event) => { event.preventDefault(); location.hash = "#search/" + encodeURIComponent(input.value); });
  const results = element("div");
  show("Search a selector", form, results);
  if (!query) return;
  api("selectors/" + encodeURIComponent(query)).then((found) => {
    results.replaceChildren(element("p", `${found.selector}: named by ${found.count} report(s)` +
      cutNote("first", found.reports.length, found.count)),
      table([["Report", (r) => reportLink(r)]], found.reports));
  }).catch((failure) => results.replaceChildren(element("p", failure.message, { class: "error" })));
}

async function report(source, id) {
  const shown = await api("reports/" + encodeURIComponent(source) + "/" + encodeURIComponent(id));
  const nodes = [element("p", `${shown.kind}, reported ${shown.reported_at} by ${shown.country}, TLP:${shown.tlp.toUpperCase()}`)];
  const facts = [];
  if (shown.loss) facts.push(`loss ${money(shown.loss.amount)} ${shown.loss.currency}`);
  if (shown.victim_country) facts.push(`victim in ${shown.victim_country}`);
  if (shown.language) facts.push(`language ${shown.language}`);
  if (facts.length > 0) nodes.push(element("p", facts.join(", ")));
  if (shown.withdrawn) {
    nodes.push(element("p", "Withdrawn by its source: it names no selectors, so nothing links through it.",
      { class: "withdrawn" }));
  }
  nodes.push(element("pre", shown.text ?? ""));
  if (shown.assessment) {
    const a = shown.assessment;
    nodes.push(element("p", `Assessed as ${a.label}${a.category ? ", " + a.category : ""} (scam score ${a.scam_score})`));
    if (a.lure) nodes.push(element("pre", JSON.stringify(a.lure, null, 2)));
  }
  const marks = (s) => [s.warning ? "benign: " + s.warning.join(", ") : "", s.lookalike ? "look-alike host" : ""]
    .filter(Boolean).join("; ");
  const selectors = (shown.selectors || []).map((s) => ({ selector: s.type + ":" + s.value, where: "form", marks: marks(s) }))
    .concat((shown.text_selectors || []).map((s) => ({ selector: s.type + ":" + s.value, where: "text: " + s.raw, marks: marks(s) })));
  nodes.push(element("h3", "Selectors"), table([
    ["Selector", (s) => link(s.selector, "#search/" + encodeURIComponent(s.selector))],
    ["Where", (s) => s.where],
    ["Marks", (s) => s.marks],
  ], selectors));
  show(`Report ${shown.source}/${shown.id}`, ...nodes);
}

async function route() {
  const [page, ...rest] = location.hash.slice(1).split("/");
  for (const a of document.querySelectorAll("header nav a")) a.classList.toggle("current", a.getAttribute("href") === "#" + page);
  try {
    const parts = rest.map(decodeURIComponent);  // throws on a malformed escape, shown below
    if (page === "network") await network(parts[0]);
    else if (page === "lures") await lures();
    else if (page === "lure-accounts") await lureAccounts();
    else if (page === "suspects") await suspects();
    else if (page === "freeze-list") await freezeList(parts[0]);
    else if (page === "trace") await trace(parts.join("/"), false);
    else if (page === "trace-back") await trace(parts.join("/"), true);
    else if (page === "search") search(parts.join("/"));
    else if (page === "report") await report(parts[0], parts.slice(1).join("/"));
    else await networks();
  } catch (failure) {
    show("Something went wrong", element("p", failure.message, { class: "error" }));
  }
}

async function evidenceHead() {
  try {
    const head = await api("evidence/head");
    document.getElementById("head").textContent = `evidence log: ${head.size} entries, root ${String(head.root).slice(0, 16)}…`;
  } catch (failure) {
    document.getElementById("head").textContent = "evidence log: " + failure.message;
  }
}

window.addEventListener("hashchange", route);
evidenceHead();
route();
