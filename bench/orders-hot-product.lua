-- POST /api/order for one hot product, as many signed-in buyers: each connection sends with its own token.
-- wrk ... -s bench/orders-hot-product.lua <url> -- <tokens file> <product id>
local tokens = {}
local product
local counter = 0

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
