-- wrk script: POST /decisions for a random contact of the loaded data set.
--   BENCH_IDS    file of contact ids, one a line (required)
--   BENCH_TOKEN  bearer token (required)
--   BENCH_RATE   requests per second for the whole run (optional; needs wrk -t1). Without it wrk sends as fast as
--                its connections are answered (closed loop).
-- Pacing: every request is given a slot on a fixed schedule (one every 1/BENCH_RATE s, whatever the answers do).
-- When a connection is free it takes the next slot and waits for it (wrk's delay(), 1 ms resolution); when the slot
-- has already passed because every connection was busy, the request goes at once and its lateness is recorded.
-- wrk times a request from when it is written, so lateness is the queueing wrk's latency leaves out: run.sh prints
-- both, and p99 from the schedule is at most their sum.
dofile("bench/consent/report.lua")

local token = os.getenv("BENCH_TOKEN")
local rate = tonumber(os.getenv("BENCH_RATE") or "0")
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do
  if #line > 0 then ids[#ids + 1] = line end
end
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }

function request()
  local id = ids[math.random(#ids)]
  return wrk.format("POST", "/decisions", headers,
    '{"contactId":"' .. id .. '","purpose":"newsletter","channel":"EMAIL"}')
end

if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long sec; long nsec; } bench_timespec;
    int clock_gettime(int clock, bench_timespec *t);
  ]]
  local ts = ffi.new("bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.sec) * 1000 + tonumber(ts.nsec) / 1e6
  end
  local interval = 1000 / rate
  local next_slot = nil
  late = {}   -- lateness histogram in 0.1 ms buckets (bucket 0 = on time), read by done() through thread:get
  sent = 0

  function delay()
    local now = now_ms()
    next_slot = next_slot or now
    local slot = next_slot
    next_slot = next_slot + interval
    sent = sent + 1
    local wait = slot - now
    if wait >= 0 then
      late[0] = (late[0] or 0) + 1
      return math.floor(wait + 0.5)
    end
    local bucket = math.min(math.floor(-wait * 10), 100000)
    late[bucket] = (late[bucket] or 0) + 1
    return 0
  end

  local threads = {}
  function setup(thread) threads[#threads + 1] = thread end

  function report_pacing()
    local hist, n = {}, 0
    for _, t in ipairs(threads) do
      for bucket, count in pairs(t:get("late")) do
        hist[bucket] = (hist[bucket] or 0) + count
        n = n + count
      end
    end
    local function lateness(p)
      local want, seen = n * p, 0
      for bucket = 0, 100000 do
        seen = seen + (hist[bucket] or 0)
        if seen >= want then return bucket / 10 end
      end
      return 100000 / 10
    end
    io.write(string.format(" scheduled=%d late-p50=%.1fms late-p99=%.1fms", n, lateness(0.5), lateness(0.99)))
  end
end
