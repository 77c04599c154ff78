-- wrk script: each request is a new visitor's first choice on the demo site (the service issues the visitor id).
function request()
  local body = '{"site":"demo","policyVersion":"2018-05-25","action":"CUSTOM","decisions":{"google-analytics":true,"youtube-video":false},"language":"fr"}'
  return wrk.format("POST", "/api/consents", {["Content-Type"] = "application/json"}, body)
end
