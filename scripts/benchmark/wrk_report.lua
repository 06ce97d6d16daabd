-- For wrk: asks for the paths given after `--` in turn (so a run can spread over several
-- pages or queries), and prints the run's numbers as one JSON line when it ends.
--
--   wrk -t2 -c4 -d20s -s wrk_report.lua http://127.0.0.1:8000 -- / /events/
--
-- Latencies are in microseconds. wrk counts a response with a status of 400 or more under
-- errors.status; connection failures under connect, read, write and timeout.

local paths = {}
local counter = 0

function init(args)
   for _, path in ipairs(args) do
      paths[#paths + 1] = path
   end
   if #paths == 0 then
      paths[1] = wrk.path
   end
end

function request()
   counter = counter + 1
   return wrk.format(nil, paths[(counter - 1) % #paths + 1])
end

function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      '{"requests": %d, "duration_us": %d, "bytes": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"latency_us": {"mean": %.1f, "max": %d, "p50": %d, "p90": %d, "p95": %d, "p99": %d}}\n',
      summary.requests, summary.duration, summary.bytes,
      errors.connect, errors.read, errors.write, errors.status, errors.timeout,
      latency.mean, latency.max,
      latency:percentile(50), latency:percentile(90), latency:percentile(95),
      latency:percentile(99)))
end
