import ArgumentParser
import TurnoutService

/// `turnout set image NAME CONTAINER=IMAGE`: starts an update to a new image.
struct SetImageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "Set a container's image, which starts an update by the rollout's strategy.",
        discussion: """
            Example: turnout set image demo web=argoproj/rollouts-demo:yellow
            Several CONTAINER=IMAGE pairs change several containers, one after another.
            """
    )

    @Argument(help: "The rollout's name.")
    var name: String

    @Argument(help: "CONTAINER=IMAGE (one or more).")
    var assignments: [String]

    @OptionGroup var runtime: RuntimeOptions

    /// The pairs as (container, image).
    var pairs: [(String, String)] {
        assignments.compactMap { assignment in
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            return (parts[0], parts[1])
        }
    }

    func validate() throws {
        if assignments.isEmpty || pairs.count != assignments.count {
            throw ValidationError("give CONTAINER=IMAGE, e.g. turnout set image \(name) web=argoproj/rollouts-demo:yellow")
        }
    }

    func run() async throws {
        for (container, image) in pairs {
            try await RolloutOperationRunner.run(
                .setImage, rollout: name, request: OperationRequest(container: container, image: image),
                done: "image updated (\(container)=\(image))", runtime: runtime
            )
        }
    }
}
