// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.
// The dashboard's page: plain JavaScript, no framework and no build step. Everything it shows comes from the sample's
// JSON endpoints (DashboardApp.cs).
"use strict";

const states = [
  ["Breached", "Breached"],
  ["AtRisk", "At risk"],
  ["OnTrack", "On track"],
  ["Waiting", "Waiting on the customer"],
  ["Failed", "Failed (no longer evaluates)"],
];
const pageSize = 25;
const segments = [
  ["metOnTime", "met on time"],
  ["metLate", "met late"],
  ["metEarly", "met early (window not kept)"],
  ["breached", "breached"],
  ["openAtRisk", "open, at risk"],
  ["openOnTrack", "open, on track"],
  ["cancelled", "cancelled"],
  ["waived", "waived"],
];
const svgNs = "http://www.w3.org/2000/svg";

function element(tag, attributes, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) e.setAttribute(name, value);
  for (const child of children) e.append(child);
  return e;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

// "in 3m 05s" / "4m 10s ago", against the server's clock (the answer's "now"), not the browser's.
function relative(deadline, now) {
  const seconds = Math.round((Date.parse(deadline) - Date.parse(now)) / 1000);
  const a = Math.abs(seconds);
  const text = a >= 3600 ? `${Math.floor(a / 3600)}h ${String(Math.floor(a % 3600 / 60)).padStart(2, "0")}m`
    : a >= 60 ? `${Math.floor(a / 60)}m ${String(a % 60).padStart(2, "0")}s` : `${a}s`;
  return seconds >= 0 ? `in ${text}` : `${text} ago`;
}

// A waiting interaction's clock is paused: its stored deadline moves when the wait ends.
function row(item, now, state) {
  const paused = state === "Waiting";
  const overdue = !paused && item.deadline !== null && Date.parse(item.deadline) < Date.parse(now);
  return element("tr", { "data-id": item.id },
    element("td", { class: "id" }, item.id),
    element("td", { class: "deadline" }, item.deadline ?? "none"),
    element("td", { class: overdue ? "due overdue" : "due" }, paused ? "paused" : item.deadline ? relative(item.deadline, now) : ""),
    element("td", { class: "owner" }, item.owner),
    element("td", { class: "policy" }, item.policy ?? ""),
    element("td", { class: "failure" }, item.failure ?? ""));
}

async function loadState(state, label) {
  const body = element("tbody");
  const table = element("table", {},
    element("thead", {}, element("tr", {}, ...["Interaction", "Deadline (UTC)", "Due", "Owner", "Policy", "Failure"].map(h => element("th", {}, h)))),
    body);
  const count = element("span", { class: "count" }, "");
  const more = element("button", { type: "button", hidden: "" }, "Show more");
  const section = element("section", { id: `queue-${state}`, class: state },
    element("h3", {}, `${label} `, count), table, more);
  let next = null, shown = 0;
  async function page() {
    const url = `/api/queue?state=${state}&pageSize=${pageSize}` + (next ? `&after=${encodeURIComponent(next)}` : "");
    const data = await getJson(url);
    for (const item of data.items) body.append(row(item, data.now, state));
    shown += data.items.length;
    next = data.next;
    count.textContent = `(${shown}${next ? "+" : ""})`;
    if (next) more.removeAttribute("hidden"); else more.setAttribute("hidden", "");
    if (shown === 0) body.append(element("tr", { class: "empty" }, element("td", { colspan: "6" }, "none")));
  }
  more.addEventListener("click", () => page().catch(showError));
  await page();
  return section;
}

function svg(tag, attributes, ...children) {
  const e = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes || {})) e.setAttribute(name, value);
  for (const child of children) e.append(child);
  return e;
}

// One horizontal bar per group, its cycles stacked by attainment, all bars on one scale (the largest group's total).
function chart(groups, name) {
  if (groups.length === 0) return element("p", { class: "empty" }, "no tickets in this period");
  const labelWidth = 150, barWidth = 480, shareWidth = 130, rowHeight = 26;
  const total = g => segments.reduce((sum, [key]) => sum + g[key], 0);
  const largest = Math.max(1, ...groups.map(total));
  const root = svg("svg", { width: labelWidth + barWidth + shareWidth, height: groups.length * rowHeight,
    role: "img", "aria-label": `attainment per ${name}`, "data-chart": name });
  groups.forEach((g, i) => {
    const y = i * rowHeight;
    const bar = svg("g", { class: "bar", "data-key": g.key },
      svg("text", { x: 0, y: y + 17 }, g.key === "" ? "(unknown)" : g.key));
    let x = labelWidth;
    for (const [key, label] of segments) {
      if (g[key] === 0) continue;
      const width = g[key] / largest * barWidth;
      bar.append(svg("rect", { class: key, x, y: y + 4, width, height: rowHeight - 8, "data-segment": key, "data-count": g[key] },
        svg("title", {}, `${g.key}: ${g[key]} ${label}`)));
      x += width;
    }
    const share = g.onTimeShare === null ? "none decided" : `${Math.round(g.onTimeShare * 100)}% on time`;
    bar.append(svg("text", { x: labelWidth + barWidth + 8, y: y + 17, class: "share" }, `${share} (${total(g)})`));
    root.append(bar);
  });
  return root;
}

async function loadAttainment() {
  const days = document.getElementById("days").value;
  const data = await getJson(`/api/attainment?days=${days}`);
  document.getElementById("attainment-policies").replaceChildren(chart(data.policies, "policy"));
  document.getElementById("attainment-teams").replaceChildren(chart(data.teams, "team"));
  document.getElementById("attainment-note").textContent = `${data.interactions} tickets since ${data.since}.`
    + (data.failed ? ` ${data.failed} left out: they no longer evaluate.` : "")
    + (data.truncated ? " Only the first stored tickets were read: the desk holds more than the dashboard reads." : "");
}

function showError(error) {
  document.getElementById("status").textContent = `Could not load: ${error.message}`;
}

async function refresh() {
  try {
    const [sections] = await Promise.all([Promise.all(states.map(([state, label]) => loadState(state, label))), loadAttainment()]);
    document.getElementById("queue").replaceChildren(...sections);
    const status = document.getElementById("status");
    status.textContent = `Loaded ${new Date().toISOString().slice(11, 19)} UTC.`;
    document.body.dataset.loaded = "true";
  } catch (error) {
    showError(error);
  }
}

document.getElementById("legend").replaceChildren(...segments.map(([key, label]) =>
  element("span", {}, element("i", { class: key }), label)));
document.getElementById("days").addEventListener("change", () => loadAttainment().catch(showError));
refresh();
setInterval(refresh, 15000);
