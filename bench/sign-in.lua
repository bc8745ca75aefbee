-- POST /api/auth for the demo users in turn, with their right passwords: each request costs one bcrypt check.
local users = {
  {"alice@atrium.dev", "alice-password"}, {"bob@atrium.dev", "bob-password"}, {"demo@atrium.dev", "demo-password"}
}
local n = 0
request = function()
  n = n + 1
  local user = users[(n % #users) + 1]
  return wrk.format("POST", "/api/auth", {["Content-Type"] = "application/json"},
    '{"email":"' .. user[1] .. '","password":"' .. user[2] .. '"}')
end
