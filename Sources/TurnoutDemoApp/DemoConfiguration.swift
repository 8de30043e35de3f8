/// Everything one demo-app instance needs to start: its colour, address, initial faults and access token.
public struct DemoConfiguration: Sendable, Hashable {
    /// The colour `/color` answers with.
    public var color: DemoColor
    /// Where to listen; loopback by default.
    public var address: ListenAddress
    /// Faults in effect at start; `PUT /faults` changes them later.
    public var faults: Faults
    /// The bearer token `PUT /faults` requires on a non-loopback address (`TURNOUT_DEMO_TOKEN`); ignored on loopback.
    public var token: String?

    /// The environment variable that carries the token.
    public static let tokenVariable = "TURNOUT_DEMO_TOKEN"

    /// Creates a configuration; nothing is checked until `DemoApplication.init`.
    public init(
        color: DemoColor,
        address: ListenAddress = ListenAddress(port: ListenAddress.defaultPort),
        faults: Faults = .none,
        token: String? = nil
    ) {
        self.color = color
        self.address = address
        self.faults = faults
        self.token = token
    }

    /// Whether `PUT /faults` needs `Authorization: Bearer <token>`: only when listening beyond loopback.
    public var requiresToken: Bool { !address.isLoopback }
}
