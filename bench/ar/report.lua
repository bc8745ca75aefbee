-- Sends the request described by the environment (METHOD, BODY_FILE, AUTH, IF_NONE_MATCH) and prints one summary
-- line with the throughput, the latency and how many answers of each status came back.
local method = os.getenv("METHOD") or "GET"
local body_file = os.getenv("BODY_FILE")
local auth = os.getenv("AUTH")
local if_none_match = os.getenv("IF_NONE_MATCH")
local statuses = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = method
  if body_file and body_file ~= "" then
    local f = assert(io.open(body_file, "rb"))
    wrk.body = f:read("*a")
    f:close()
    wrk.headers["Content-Type"] = "application/json"
  end
  if auth and auth ~= "" then
    wrk.headers["Authorization"] = auth
  end
  if if_none_match and if_none_match ~= "" then
    wrk.headers["If-None-Match"] = if_none_match
  end
  counts = {}
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local byStatus = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do
      byStatus[status] = (byStatus[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(byStatus) do
    table.insert(parts, status .. "×" .. n)
  end
  table.sort(parts)
  io.write(string.format("RESULT %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  %s\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, table.concat(parts, " ")))
end
