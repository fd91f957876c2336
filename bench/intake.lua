-- wrk script for bench/run: unique valid complaints across the three channels.
--
--   wrk -s bench/intake.lua URL -- BODIES TAG SERIES KEY_PHONE KEY_WEB KEY_12345 [RESUME]
--
-- BODIES: a file prefix; thread N reads BODIES.N, one "channel<TAB>body" a line (bench/run splits
--   the load tool's corpus between the threads), each body starting with {"source_id":"…".
--   Each thread reads its file a line per request (nothing is loaded up front, so a thread starts
--   sending at once) and every request gets a source_id of its own (TAG-thread-counter): the
--   gateway stores each one, none is an idempotent replay. Past the end of its file a thread starts
--   again: the same person's same matter, which the gateway judges a duplicate (still a 202).
-- RESUME: optional file prefix. Thread N starts reading BODIES.N where the last run given the same
--   RESUME stopped (RESUME.N holds the byte offset; it is written when the run ends), so a warm-up
--   followed by a measured run sends each body once across both, rather than the measured run
--   re-sending the warm-up's bodies (every one of them a duplicate).
-- TAG: unique per wrk run, so runs against one database never share a source_id.
-- SERIES: a file prefix; each thread appends "epoch-second<TAB>2xx<TAB>other" lines to SERIES.N as
--   each second ends (the last, partial second is left out: done() has the totals).
-- Prints one line "BENCH_JSON {…}" at the end: totals by status class, how many times a thread
-- started its file again, and latency percentiles (µs).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local keys, tag, series, out, bodies
-- Globals, so that done() can read them with thread:get.
ok, other, rounds = 0, 0, 0
resume, position = nil, 0
local sec, sec_ok, sec_other = 0, 0, 0

function init(args)
  keys = {
    phone = "Bearer " .. args[4],
    web = "Bearer " .. args[5],
    ["12345"] = "Bearer " .. args[6],
  }
  tag = args[2] .. "-" .. id
  series = args[3]
  bodies = assert(io.open(args[1] .. "." .. id, "r"))
  if args[7] then
    resume = args[7] .. "." .. id
    local saved = io.open(resume, "r")
    if saved then
      position = saved:read("*n") or 0
      saved:close()
      bodies:seek("set", position)
    end
  end
  out = assert(io.open(series .. "." .. id, "a"))
end

local function next_line()
  local line = bodies:read("*l")
  if not line then
    rounds = rounds + 1
    bodies:seek("set", 0)
    line = assert(bodies:read("*l"), "no bodies")
  end
  if resume then
    position = bodies:seek()
  end
  return line
end

function request()
  local channel, rest = next_line():match('^([^\t]+)\t{"source_id":"[^"]*(".*)$')
  assert(rest, "a body must start with its source_id")
  counter = counter + 1
  return wrk.format("POST", "/v1/complaints", {
    ["Authorization"] = keys[channel],
    ["Content-Type"] = "application/json",
  }, '{"source_id":"' .. tag .. "-" .. counter .. rest)
end

function response(status, headers, body)
  local now = os.time()
  if now ~= sec then
    if sec ~= 0 then
      out:write(sec, "\t", sec_ok, "\t", sec_other, "\n")
      out:flush()
    end
    sec, sec_ok, sec_other = now, 0, 0
  end
  if status >= 200 and status < 300 then
    ok = ok + 1
    sec_ok = sec_ok + 1
  else
    other = other + 1
    sec_other = sec_other + 1
  end
end

function done(summary, latency, requests)
  local ok_total, other_total, rounds_total = 0, 0, 0
  for _, t in ipairs(threads) do
    ok_total = ok_total + t:get("ok")
    other_total = other_total + t:get("other")
    rounds_total = rounds_total + t:get("rounds")
    local file = t:get("resume")
    if file then
      local saved = assert(io.open(file, "w"))
      saved:write(t:get("position"), "\n")
      saved:close()
    end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"duration_us":%d,"requests":%d,"ok":%d,"non_2xx":%d,"restarts":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
    summary.duration, summary.requests, ok_total, other_total, rounds_total,
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean))
end
