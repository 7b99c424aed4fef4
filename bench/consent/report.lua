-- Prints one machine-readable line at the end of a wrk run (the numbers run.sh reads).
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("requests=%d errors=%d seconds=%.1f throughput=%.0f/s p50=%.2fms p99=%.2fms max=%.2fms",
    summary.requests, errors, seconds, summary.requests / seconds, latency:percentile(50) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
  if report_pacing then report_pacing() end
  io.write("\n")
end
