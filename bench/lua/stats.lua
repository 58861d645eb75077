-- Shared by every bench script: each thread counts answers by status code; `done` prints one
-- machine-readable line (BENCH_JSON {...}) with throughput, latency percentiles (microseconds),
-- socket errors and the status counts, which bench/load.py parses.
local M = {}
local threads = {}

function M.install()
  statuses = {}
  thread_id = 0

  function setup(thread)
    table.insert(threads, thread)
    thread:set("thread_id", #threads)
  end

  function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
  end

  function done(summary, latency, requests)
    local merged = {}
    for _, thread in ipairs(threads) do
      for code, count in pairs(thread:get("statuses")) do
        merged[code] = (merged[code] or 0) + count
      end
    end
    local codes = {}
    for code, count in pairs(merged) do
      table.insert(codes, string.format('"%d": %d', code, count))
    end
    local e = summary.errors
    io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"latency_us": {"mean": %.1f, "stdev": %.1f, "min": %d, "max": %d, "p50": %d, ' ..
      '"p75": %d, "p90": %d, "p99": %d, "p999": %d}, "statuses": {%s}}\n',
      summary.requests, summary.duration, summary.bytes,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency.mean, latency.stdev, latency.min, latency.max, latency:percentile(50),
      latency:percentile(75), latency:percentile(90), latency:percentile(99),
      latency:percentile(99.9), table.concat(codes, ", ")))
  end
end

-- Lines of a data file written by bench/load.py (one request's parameters per line).
function M.read_lines(path)
  local rows = {}
  local file = assert(io.open(path, "r"), "cannot open " .. tostring(path))
  for line in file:lines() do
    if #line > 0 then table.insert(rows, line) end
  end
  file:close()
  assert(#rows > 0, "no rows in " .. path)
  return rows
end

return M
