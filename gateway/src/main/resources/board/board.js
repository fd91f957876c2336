// The status board: polls GET /v1/board (a snapshot the gateway refreshes on its own timer) and
// redraws. DOM building only, never innerHTML: even aggregates are treated as text.
"use strict";

const LABEL = { green: "✔ 正常 OK", amber: "▲ 注意 Watch", red: "✖ 超期 Late" };
const ICON = { green: "✔", amber: "▲", red: "✖" };
const FIELDS = ["waiting", "handling", "oldest_age_seconds", "at_risk", "breached", "stuck"];
const MIN_POLL_MS = 2000;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function age(seconds) {
  if (!seconds) return "—";
  const m = Math.floor(seconds / 60), h = Math.floor(m / 60), d = Math.floor(h / 24);
  if (d > 0) return d + " d " + (h % 24) + " h";
  if (h > 0) return h + " h " + (m % 60) + " min";
  return m > 0 ? m + " min" : "< 1 min";
}

function cell(queue, field, c) {
  const value = field === "oldest_age_seconds" ? age(c.value) : String(c.value);
  return el("td", { "data-queue": queue, "data-field": field, "data-status": c.status },
    el("span", { class: "v" }, ICON[c.status] + " " + value),
    el("span", { class: "t" }, "target " + c.target));
}

function renderQueues(queues) {
  const rows = queues.map(q => el("tr", { "data-queue": q.queue },
    el("td", { class: "q", "data-status": q.status },
      q.name, el("span", { class: "code" }, q.queue), el("span", { class: "st" }, LABEL[q.status])),
    ...FIELDS.map(f => cell(q.queue, f, q[f]))));
  document.getElementById("rows").replaceChildren(...rows);
}

function renderIntake(intake) {
  document.getElementById("rate").textContent = intake.rate_per_minute;
  document.getElementById("intake-total").textContent = intake.total;
  const svg = document.getElementById("spark");
  const ns = "http://www.w3.org/2000/svg";
  const max = Math.max(1, ...intake.per_minute);
  const w = 300 / intake.per_minute.length;
  const bars = intake.per_minute.map((n, i) => {
    const r = document.createElementNS(ns, "rect");
    const h = n === 0 ? 1 : Math.max(3, (n / max) * 78);
    r.setAttribute("x", (i * w + 1).toFixed(1));
    r.setAttribute("y", (80 - h).toFixed(1));
    r.setAttribute("width", (w - 2).toFixed(1));
    r.setAttribute("height", h.toFixed(1));
    const t = document.createElementNS(ns, "title");
    t.textContent = n + " at minute −" + (intake.per_minute.length - 1 - i);
    r.append(t);
    return r;
  });
  svg.replaceChildren(...bars);
}

function renderGroups(groups) {
  document.getElementById("groups-active").textContent = groups.active;
  document.getElementById("groups-escalated").textContent =
    (groups.escalated > 0 ? "✖ " : "") + groups.escalated + " escalated 已升级 · window " +
    groups.window_days + " d";
  const items = groups.shown.map(g => el("li",
    g.escalated ? { class: "escalated", "data-escalated": "true" } : {},
    (g.escalated ? "✖ 已升级 escalated · " : "") + g.name + " · " + g.size + " complaints"));
  document.getElementById("groups-list").replaceChildren(...items);
}

function renderBanner(calendar) {
  const banner = document.getElementById("banner");
  const b = calendar && calendar.banner;
  banner.hidden = !b;
  banner.textContent = b ? "⚠ " + b.message : "";
}

function render(board) {
  const overall = document.getElementById("overall");
  overall.dataset.status = board.status;
  overall.textContent = LABEL[board.status] || board.status;
  document.body.classList.toggle("stale", !!board.stale);
  const at = board.refreshed_at ? new Date(board.refreshed_at) : null;
  document.getElementById("refreshed").textContent =
    (board.stale ? "⚠ stale 数据未更新 · " : "") +
    (at ? "as of " + at.toLocaleTimeString("zh-CN", { hour12: false }) : "");
  if (board.queues) renderQueues(board.queues);
  if (board.intake) renderIntake(board.intake);
  if (board.groups) renderGroups(board.groups);
  renderBanner(board.calendar);
  return board.refresh_seconds;
}

async function poll() {
  let seconds = 5;
  try {
    const res = await fetch("/v1/board", { cache: "no-store" });
    if (!res.ok) throw new Error("HTTP " + res.status);
    seconds = render(await res.json()) || seconds;
  } catch (e) {
    document.body.classList.add("stale");
    document.getElementById("refreshed").textContent = "⚠ gateway unreachable 无法连接 · retrying";
  }
  setTimeout(poll, Math.max(MIN_POLL_MS, seconds * 1000));
}

poll();
