-- wrk script: POST the body file named by env PSA_BODY as application/json (cache off on the server,
-- so every request is scored).
local f = assert(io.open(os.getenv("PSA_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
