import Foundation

/// How the binary was started: as `turnout`, or as the kubectl plugin `kubectl-turnout` (`kubectl turnout …`).
enum Invocation {
    /// Whether the program's file name is `kubectl-turnout`: kubectl runs plugins by that name.
    static let isKubectlPlugin: Bool = isKubectlPlugin(programPath: CommandLine.arguments.first ?? "")

    /// The command name help and usage show.
    static var commandName: String { isKubectlPlugin ? "kubectl turnout" : "turnout" }

    /// Whether a program path names the kubectl plugin.
    static func isKubectlPlugin(programPath: String) -> Bool {
        URL(fileURLWithPath: programPath).lastPathComponent == "kubectl-turnout"
    }
}
