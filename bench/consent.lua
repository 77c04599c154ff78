-- wrk script: each request is a new visitor's first choice on the demo site (the service issues the visitor id), to
-- the policy version in force, which bench/run reads from the service and passes as POLICY_VERSION.
local body = string.format('{"site":"demo","policyVersion":"%s","action":"CUSTOM","decisions":{"google-analytics":true,"youtube-video":false},"language":"fr"}',
  assert(os.getenv("POLICY_VERSION"), "POLICY_VERSION is not set"))
function request()
  return wrk.format("POST", "/api/consents", {["Content-Type"] = "application/json"}, body)
end
