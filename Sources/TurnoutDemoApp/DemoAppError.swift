/// Why the demo app refused to start or refused a request.
public enum DemoAppError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--color` is neither a colour name nor `#rrggbb`.
    case invalidColor(String)
    /// `--listen` or `PORT` could not be read as an address; `source` names which one.
    case invalidAddress(source: String, text: String, reason: String)
    /// Fault settings out of range; the message names the field and its range.
    case invalidFaults(String)
    /// Listening on a non-loopback host without `TURNOUT_DEMO_TOKEN` to protect `PUT /faults`.
    case tokenRequired(host: String)

    /// A message naming the failed action, the offending value and the fix.
    public var description: String {
        switch self {
        case .invalidColor(let text):
            return "start demo-app: --color \(text) is not a colour; use a name such as blue or a hex code such as #1e90ff"
        case .invalidAddress(let source, let text, let reason):
            let fix = source == "PORT" ? "set PORT to a number or pass --listen HOST:PORT" : "use HOST:PORT such as 127.0.0.1:8080"
            return "start demo-app: \(source) \(text) \(reason); \(fix)"
        case .invalidFaults(let message):
            return "set faults: \(message)"
        case .tokenRequired(let host):
            return "start demo-app on \(host): a non-loopback address needs TURNOUT_DEMO_TOKEN set, "
                + "because PUT /faults then requires Authorization: Bearer <token>; set it or listen on 127.0.0.1"
        }
    }
}
