-- wrk script: each request is a new visitor's consent.
math.randomseed(os.time())
local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end
function request()
  local body = string.format('{"visitorId":"%s","policyVersion":"2018-05-25","decisions":{"google-analytics":true,"youtube-video":false}}', uuid())
  return wrk.format("POST", "/api/consents", {["Content-Type"] = "application/json"}, body)
end
