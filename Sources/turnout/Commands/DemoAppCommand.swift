import ArgumentParser
import Foundation
import TurnoutDemoApp

/// `turnout demo-app --color C`: serves the demo application whose page shows which version answers.
struct DemoAppCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-app",
        abstract: "Serve the demo application: /color answers with a colour, / shows live which colour answers.",
        discussion: """
            GET /color answers {"color":"C"}. GET / is a page that polls /color every 100 ms through the \
            address it was served from, draws a bubble per response and, every 2 s, a bar of the share per \
            colour. GET /healthz answers ok. PUT /faults {"errorRate":0.2,"latencyMs":50} changes the faults \
            at run time; GET /faults reads them.

            Listens on --listen, else on 127.0.0.1:$PORT when PORT is set, else on 127.0.0.1:8080; port 0 \
            picks a free port. Prints `demo-app C listening on http://HOST:PORT` once ready. On a \
            non-loopback address PUT /faults requires `Authorization: Bearer $TURNOUT_DEMO_TOKEN`, and the \
            app refuses to start without that variable.
            """
    )

    @Option(help: "The colour to answer with: a name such as blue or a hex code such as #1e90ff.")
    var color: String

    @Option(help: "HOST:PORT to listen on (default 127.0.0.1:$PORT, else 127.0.0.1:8080).")
    var listen: String?

    @Option(name: .customLong("error-rate"), help: "Share of /color requests answered with 500, 0...1.")
    var errorRate: Double = 0

    @Option(help: "Milliseconds added before every /color answer.")
    var latency: Int = 0

    func validate() throws {
        guard DemoColor(color) != nil else { throw ValidationError(DemoAppError.invalidColor(color).description) }
        do {
            _ = try Faults(errorRate: errorRate, latencyMs: latency)
        } catch {
            throw ValidationError("--error-rate must be within 0...1 and --latency within 0...\(Faults.maximumLatencyMs) ms")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let demoColor = DemoColor(color) else { throw DemoAppError.invalidColor(color) }
        let configuration = DemoConfiguration(
            color: demoColor,
            address: try ListenAddress.resolve(listen: listen, environment: environment),
            faults: try Faults(errorRate: errorRate, latencyMs: latency),
            token: environment[DemoConfiguration.tokenVariable]
        )
        let application = try DemoApplication(configuration: configuration)
        let colorName = demoColor.value
        try await application.run { address in
            FileHandle.standardOutput.write(Data("demo-app \(colorName) listening on http://\(address)\n".utf8))
        }
    }
}
