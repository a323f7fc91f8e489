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

// "in 3m 05s" / "4m 10s ago", from the server's clock (the store's), not the browser's.
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

function showError(error) {
  document.getElementById("status").textContent = `Could not load: ${error.message}`;
}

async function refresh() {
  try {
    const sections = await Promise.all(states.map(([state, label]) => loadState(state, label)));
    document.getElementById("queue").replaceChildren(...sections);
    const status = document.getElementById("status");
    status.textContent = `Loaded ${new Date().toISOString().slice(11, 19)} UTC.`;
    document.body.dataset.loaded = "true";
  } catch (error) {
    showError(error);
  }
}

refresh();
setInterval(refresh, 15000);
