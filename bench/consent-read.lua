-- wrk script: the server-side read of one visitor's choice, the signed id in its header (never the URL).
local token = os.getenv("VISITOR_TOKEN")
function request()
  return wrk.format("GET", "/api/consents/current?site=demo", {["Visitor-Token"] = token})
end
