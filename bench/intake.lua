-- wrk script for bench/run: unique valid complaints across the three channels.
--
--   wrk -s bench/intake.lua URL -- BODIES TAG SERIES KEY_PHONE KEY_WEB KEY_12345
--
-- BODIES: one "channel<TAB>body" a line (bench/run makes it from the load tool's corpus), each body
--   starting with {"source_id":"…". Bodies are sent in turn; every request gets a source_id of its
--   own (TAG-thread-counter), so the gateway stores each one: none is an idempotent replay.
--   Past the end of the file the bodies come round again: the same person's same matter, which the
--   gateway judges a duplicate (still a 202).
-- TAG: unique per wrk run, so runs against one database never share a source_id.
-- SERIES: a file prefix; each thread appends "epoch-second<TAB>2xx<TAB>other" lines to SERIES.N as
--   each second ends (the last, partial second is left out: done() has the totals).
-- Prints one line "BENCH_JSON {…}" at the end: totals by status class and latency percentiles (µs).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local bodies = {}
local tag, series, out
-- Globals, so that done() can read them with thread:get.
ok, other = 0, 0
local sec, sec_ok, sec_other = 0, 0, 0
local next_body = 0

function init(args)
  local file, keys = args[1], { phone = args[4], web = args[5], ["12345"] = args[6] }
  tag = args[2] .. "-" .. id
  series = args[3]
  for line in io.lines(file) do
    local channel, body = line:match("^([^\t]+)\t(.*)$")
    local pre, rest = body:match('^({"source_id":")[^"]*(".*)$')
    assert(pre, "a body must start with its source_id")
    table.insert(bodies, { auth = "Bearer " .. keys[channel], rest = rest })
  end
  -- Threads start at different places, so they do not send the same body at once.
  next_body = (id * 7919) % #bodies
  out = io.open(series .. "." .. id, "a")
end

function request()
  local b = bodies[next_body + 1]
  next_body = (next_body + 1) % #bodies
  counter = counter + 1
  local body = '{"source_id":"' .. tag .. "-" .. counter .. b.rest
  return wrk.format("POST", "/v1/complaints", {
    ["Authorization"] = b.auth,
    ["Content-Type"] = "application/json",
  }, body)
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
  local ok_total, other_total = 0, 0
  for _, t in ipairs(threads) do
    ok_total = ok_total + t:get("ok")
    other_total = other_total + t:get("other")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"duration_us":%d,"requests":%d,"ok":%d,"non_2xx":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
    summary.duration, summary.requests, ok_total, other_total,
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean))
end
