-- GET /api/v1/me/guidance as many patients: each request uses the next access token of the
-- data file (one token per line); threads start at different offsets.
-- wrk ... -s bench/lua/guidance.lua URL -- TOKENS_FILE
package.path = debug.getinfo(1, "S").source:match("^@?(.*/)") .. "?.lua;" .. package.path
local stats = require("stats")
stats.install()

local tokens, i

function init(args)
  tokens = stats.read_lines(args[1])
  i = ((thread_id or 0) * 7919) % #tokens
end

function request()
  i = i % #tokens + 1
  return wrk.format("GET", "/api/v1/me/guidance", {
    ["Authorization"] = "Bearer " .. tokens[i],
    ["Accept"] = "application/json",
  })
end
