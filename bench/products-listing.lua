-- GET /api/products?page=N&limit=50 with N drawn at random from the 20 pages of the demo catalogue.
math.randomseed(20240611)
request = function()
  return wrk.format("GET", "/api/products?page=" .. math.random(1, 20) .. "&limit=50")
end
