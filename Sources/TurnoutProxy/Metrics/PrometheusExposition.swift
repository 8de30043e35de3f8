/// Renders a metrics snapshot in the Prometheus text exposition format (version 0.0.4).
public enum PrometheusExposition {
    /// The content type of the rendered text.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The text for `snapshot`: request counts by class, a latency summary (p50/p95/p99), in-flight and error counters.
    public static func render(_ snapshot: ProxyMetricsSnapshot) -> String {
        var out = ""
        out += "# HELP turnout_proxy_requests_total Responses sent, by status class.\n"
        out += "# TYPE turnout_proxy_requests_total counter\n"
        for series in snapshot.series {
            for statusClass in StatusClass.allCases {
                out += "turnout_proxy_requests_total{\(labels(series.labels)),code=\"\(statusClass)\"} \(series.count(statusClass))\n"
            }
        }
        out += "# HELP turnout_proxy_request_duration_seconds Time from request head to response end.\n"
        out += "# TYPE turnout_proxy_request_duration_seconds summary\n"
        for series in snapshot.series {
            let base = labels(series.labels)
            for quantile in [0.5, 0.95, 0.99] {
                let micros = series.latency.totalCount == 0 ? 0 : series.latency.valueAtPercentile(quantile * 100)
                out += "turnout_proxy_request_duration_seconds{\(base),quantile=\"\(quantile)\"} \(seconds(micros))\n"
            }
            out += "turnout_proxy_request_duration_seconds_sum{\(base)} \(seconds(series.latencySumMicroseconds))\n"
            out += "turnout_proxy_request_duration_seconds_count{\(base)} \(series.latency.totalCount)\n"
        }
        gauge(&out, "turnout_proxy_requests_in_flight", "Requests between head and response end.", snapshot) { String($0.inFlight) }
        counter(&out, "turnout_proxy_upstream_connect_errors_total", "Failed connection attempts to upstreams.", snapshot) { String($0.connectErrors) }
        counter(&out, "turnout_proxy_upstream_timeouts_total", "Requests without a response head within the upstream timeout.", snapshot) { String($0.upstreamTimeouts) }
        counter(&out, "turnout_proxy_mirrored_requests_total", "Requests copied to the canary by mirror routes.", snapshot) { String($0.mirrored) }
        return out
    }

    private static func gauge(_ out: inout String, _ name: String, _ help: String, _ snapshot: ProxyMetricsSnapshot, _ value: (RevisionMetricsSnapshot) -> String) {
        family(&out, name, help, "gauge", snapshot, value)
    }

    private static func counter(_ out: inout String, _ name: String, _ help: String, _ snapshot: ProxyMetricsSnapshot, _ value: (RevisionMetricsSnapshot) -> String) {
        family(&out, name, help, "counter", snapshot, value)
    }

    private static func family(_ out: inout String, _ name: String, _ help: String, _ type: String, _ snapshot: ProxyMetricsSnapshot, _ value: (RevisionMetricsSnapshot) -> String) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        for series in snapshot.series {
            out += "\(name){\(labels(series.labels))} \(value(series))\n"
        }
    }

    private static func labels(_ labels: MetricLabels) -> String {
        "listener=\"\(escape(labels.listener))\",route=\"\(escape(labels.route))\",revision=\"\(escape(labels.revision))\""
    }

    /// Escapes a label value: backslash, double quote and newline.
    static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    private static func seconds(_ micros: UInt64) -> String {
        let whole = micros / 1_000_000
        let fraction = micros % 1_000_000
        let padded = String(fraction)
        return "\(whole)." + String(repeating: "0", count: 6 - padded.count) + padded
    }
}
