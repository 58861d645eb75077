-- GET the URL given to wrk (headers such as Authorization / If-None-Match come from -H).
-- Used for /healthz, the clinician dashboard (200 and 304) and the coach view.
package.path = debug.getinfo(1, "S").source:match("^@?(.*/)") .. "?.lua;" .. package.path
require("stats").install()
