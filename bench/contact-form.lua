-- wrk script: each request is a new person (unique email) from a client of its own (X-Forwarded-For, which the
-- local stack trusts from loopback as a reverse proxy's), so the figure measures the form, not the rate limit.
local counter = 0
local thread_id = 0
function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
function request()
  counter = counter + 1
  local body = string.format('{"civility":"MS","firstName":"Bench","lastName":"Mark","email":"bench.%d.%d.%d@example.test","phone":"05 53 69 22 00","country":"FR","message":"load test"}', tid or 0, counter, os.time())
  local client = string.format("2001:db8:%x:%x::%x", tid or 0, math.floor(counter / 65536) % 65536, counter % 65536)
  return wrk.format("POST", "/api/contact-requests", {["Content-Type"] = "application/json", ["X-Forwarded-For"] = client}, body)
end
