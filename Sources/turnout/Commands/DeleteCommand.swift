import ArgumentParser
import TurnoutCore
import TurnoutService

/// `turnout delete rollout NAME` or `turnout delete -f FILE`: removes objects from the local runtime.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a rollout (stopping its processes) or any other object, by name or by manifest file.",
        discussion: """
            turnout delete rollout demo
            turnout delete service demo-preview
            turnout delete -f rollout.yaml        # every object in the file
            Prints `Rollout/demo deleted` per object.
            """
    )

    @Argument(help: "KIND NAME, e.g. rollout demo.")
    var object: [String] = []

    @Option(name: [.customShort("f"), .customLong("filename")], parsing: .upToNextOption, help: "Delete every object in these manifest files.")
    var files: [String] = []

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        if files.isEmpty && object.count != 2 {
            throw ValidationError("name the object (turnout delete rollout demo) or a file (turnout delete -f rollout.yaml)")
        }
        if !files.isEmpty && !object.isEmpty {
            throw ValidationError("give either KIND NAME or -f FILE, not both")
        }
    }

    func run() async throws {
        var targets: [(String, String)] = []
        if files.isEmpty {
            targets = [(ObjectKind.canonical(object[0]), object[1])]
        } else {
            let set = ManifestFiles.load(files)
            let errors = set.diagnostics.filter(\.isError)
            guard errors.isEmpty else {
                for diagnostic in errors { Terminal.writeError(diagnostic.rendered) }
                throw ExitCode.failure
            }
            for document in set.documents {
                let parts = document.object.reference.split(separator: "/", maxSplits: 1).map(String.init)
                if parts.count == 2 { targets.append((parts[0], parts[1])) }
            }
        }
        try await runtime.withRuntime { runtime in
            for (kind, name) in targets {
                let deleted = try await runtime.delete(kind: kind, name: name)
                Terminal.write("\(deleted.kind)/\(deleted.name) deleted")
            }
        }
    }
}
