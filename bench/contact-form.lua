-- wrk script: each request is a new prospect (unique email), as a busy contact form would send.
local counter = 0
local thread_id = 0
function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
function request()
  counter = counter + 1
  local body = string.format('{"civility":"MS","firstName":"Bench","lastName":"Mark","email":"bench.%d.%d.%d@example.test","phone":"05 53 69 22 00","country":"FR","message":"load test"}', tid or 0, counter, os.time())
  return wrk.format("POST", "/api/contact-requests", {["Content-Type"] = "application/json"}, body)
end
