-- POST /api as seed 000's page posts it: a valid sign-in that appends the 999 goods each time.
request = function()
  return wrk.format("POST", "/api", {["Content-Type"] = "application/x-www-form-urlencoded"},
    "login=demo%40atrium.dev&password=demo-password")
end
