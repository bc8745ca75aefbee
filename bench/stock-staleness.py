"""How far behind the stock shown by catalogue pages is, while orders take stock away.

Run beside an order benchmark on one hot product: one thread samples the product's stock in PostgreSQL (psql, with
the database's clock), another reads the page of the catalogue that lists the product through Atrium, as often as it
can. Stock only goes down during such a run, so a page showing quantity Q was right until the database went below Q:
the page is at most (end of the read) - (the last sample still at Q or more) behind, and not behind at all when a
sample after the read still shows Q or more. Prints the number of reads and the largest and 99th-percentile lag.

Usage: python3 bench/stock-staleness.py <atrium base url> <shop id> <product id> <seconds>
(psql connection from the PG* environment, as bench/lib.sh sets it)
"""
import json
import subprocess
import sys
import threading
import time
import urllib.request

base, shop, product, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
deadline = time.time() + seconds
samples = []  # (database time, quantity)
reads = []  # (start, end, quantity shown)


def sample_database():
    query = (f"SELECT extract(epoch FROM clock_timestamp()), quantity FROM stock "
             f"WHERE shop_id = {shop} AND product_id = {product};\n")
    # One psql for the whole run, fed a query whenever the last answer came back.
    psql = subprocess.Popen(["psql", "-Atq", "-F", " "], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            bufsize=1)
    while time.time() < deadline:
        psql.stdin.write(query)
        psql.stdin.flush()
        at, quantity = psql.stdout.readline().split()
        samples.append((float(at), int(quantity)))
        # Every 5 ms is fine enough for a bound of a second, and leaves the cores to what is measured.
        time.sleep(0.005)
    psql.stdin.close()
    psql.wait()


def read_pages():
    url = f"{base}/api/products?q=Bench+hot+item&shop={shop}&limit=5"
    while not samples and time.time() < deadline:
        time.sleep(0.001)
    while time.time() < deadline:
        start = time.time()
        with urllib.request.urlopen(url, timeout=10) as answer:
            page = json.load(answer)
        end = time.time()
        shown = [item["quantity"] for item in page["results"] if item["id"] == product]
        if shown:
            reads.append((start, end, shown[0]))


threads = [threading.Thread(target=sample_database), threading.Thread(target=read_pages)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

lags = []
for start, end, shown in reads:
    # A page showing more than the first sample was behind already then: its lag is counted from the first sample,
    # which is taken right after the stock was set at the start of the run.
    still = [at for at, quantity in samples if quantity >= shown]
    last = max(still) if still else samples[0][0]
    lags.append(max(0.0, end - last))
lags.sort()
if not lags:
    print("no page showed the product")
    sys.exit(1)
p99 = lags[min(len(lags) - 1, int(len(lags) * 0.99))]
print(f"stock staleness: {len(lags)} page reads, {len(samples)} database samples, "
      f"max lag {lags[-1] * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")
