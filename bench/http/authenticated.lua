-- wrk script for an authenticated route: sends the session cookie with every request.
-- bench/http/run sets LIEN_BENCH_COOKIE ("lien_session=...") and LIEN_BENCH_CSRF after logging in.
local cookie = os.getenv("LIEN_BENCH_COOKIE")
if cookie == nil or cookie == "" then
  error("LIEN_BENCH_COOKIE is not set (run bench/http/run)")
end
wrk.method = "GET"
wrk.headers["Cookie"] = cookie
wrk.headers["Accept"] = "application/json"
local csrf = os.getenv("LIEN_BENCH_CSRF")
if csrf ~= nil and csrf ~= "" then
  wrk.headers["X-CSRF-Token"] = csrf
end
