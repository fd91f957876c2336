-- wrk script: bench/intake.lua with a pause after each answer, for a load at about a set rate
-- (the flood of loadtest/overload-bench.sh). wrk is a closed loop: with C connections and a pause
-- of P ms, it sends about C * 1000 / (P + latency) requests a second, at a tenth of the load tool's
-- CPU a request.
--
--   wrk -c C -s bench/intake-paced.lua URL -- BODIES TAG SERIES KEY_PHONE KEY_WEB KEY_12345 RESUME PAUSE_MS
--
-- The arguments are bench/intake.lua's, RESUME "-" for none, then the pause in milliseconds.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "intake.lua")

local pause = 0
local intake_init = init

function init(args)
  pause = assert(tonumber(args[8]), "the last argument is the pause in milliseconds")
  if args[7] == "-" then
    args[7] = nil
  end
  intake_init(args)
end

function delay()
  return pause
end
