-- POST /api/order for one hot product, as many signed-in buyers: each connection sends with its own token.
-- wrk ... -s bench/orders-hot-product.lua <url> -- <tokens file> <product id>
-- Prints, after wrk's summary, how many orders were answered 201 Created, so that a script can check them against
-- the order lines written and the units taken from stock.
local tokens = {}
local product
local counter = 0
local threads = {}
created = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line
  end
  product = args[2]
end

function request()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  return wrk.format("POST", "/api/order", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, '{"parts":[{"product":' .. product .. ',"quantity_in_order":1}]}')
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("created")
  end
  io.write(string.format("orders answered 201: %d\n", total))
end
