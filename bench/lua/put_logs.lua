-- PUT /api/v1/me/logs/{date} as many patients on many dates (rules run on every write).
-- The data file has "TOKEN DATE" per line (shuffled by bench/load.py). Every body is new:
-- random pain, tolerance, wellness, loading and glide values (so the rules' inputs change and
-- later days are recomputed) and a unique note, so no write is a no-op replay.
-- wrk ... -s bench/lua/put_logs.lua URL -- PAIRS_FILE
package.path = debug.getinfo(1, "S").source:match("^@?(.*/)") .. "?.lua;" .. package.path
local stats = require("stats")
stats.install()

local rows, i, sent

function init(args)
  rows = {}
  for _, line in ipairs(stats.read_lines(args[1])) do
    local token, day = line:match("^(%S+)%s+(%S+)$")
    table.insert(rows, {token = token, day = day})
  end
  i = ((thread_id or 0) * 7919) % #rows
  sent = 0
  math.randomseed(os.time() + (thread_id or 0) * 1009)
end

local function body()
  local r = math.random
  local parts = {
    string.format('"morning_pain":%d,"sitting_pain":%d,"sitting_tolerance_min":%d',
      r(0, 5), r(0, 6), r(6, 24) * 5),
    string.format('"sleep":%d,"fatigue":%d,"stress":%d,"soreness":%d', r(2, 5), r(2, 5), r(2, 6), r(1, 5)),
  }
  if r() < 0.5 then
    table.insert(parts, string.format(
      '"loading_stage":%d,"loading_pain":%d,"session_rpe":%d,"session_min":%d',
      r(1, 3), r(0, 6), r(4, 7), r(5, 10) * 5))
  end
  if r() < 0.5 then
    table.insert(parts, string.format(
      '"glide_type":"slider","glide_pain":%d,"paresthesia":"none","symptom_extent":"buttock"', r(0, 3)))
  end
  sent = sent + 1
  table.insert(parts, string.format('"notes":"bench write %d-%d"', thread_id or 0, sent))
  return "{" .. table.concat(parts, ",") .. "}"
end

function request()
  i = i % #rows + 1
  local row = rows[i]
  return wrk.format("PUT", "/api/v1/me/logs/" .. row.day, {
    ["Authorization"] = "Bearer " .. row.token,
    ["Content-Type"] = "application/json",
  }, body())
end
