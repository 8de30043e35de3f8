import Testing
import TurnoutLocal

@Suite struct ImageTableTests {
    static let table = ImageTable([
        "argoproj/rollouts-demo": ["/opt/turnout", "demo-app", "--color", "$(TURNOUT_IMAGE_TAG)"],
        "myorg/api:v2": ["/srv/api-v2"],
        "myorg/api": ["/srv/api"],
        "registry:5000/team/app": ["/srv/app"],
        "nginx": ["/usr/sbin/nginx", "-g", "daemon off;"],
    ])

    @Test(arguments: [
        ("argoproj/rollouts-demo:blue", "/opt/turnout"),
        ("docker.io/argoproj/rollouts-demo:green", "/opt/turnout"),
        ("argoproj/rollouts-demo", "/opt/turnout"),
        ("myorg/api:v2", "/srv/api-v2"),
        ("myorg/api:v3", "/srv/api"),
        ("registry:5000/team/app:1.0", "/srv/app"),
        ("registry:5000/team/app@sha256:abc", "/srv/app"),
        ("docker.io/library/nginx:1.7.9", "/usr/sbin/nginx"),
        ("nginx:1.7.9", "/usr/sbin/nginx"),
        // another registry: the same entries without it
        ("172.24.133.2:5000/nginx:1.7.9", "/usr/sbin/nginx"),
        ("localhost:5001/myorg/api:v2", "/srv/api-v2"),
        ("registry.example.com/myorg/api:v9", "/srv/api"),
    ])
    func findsExactEntriesThenRepositories(image: String, program: String) {
        #expect(Self.table.prefix(for: image)?.first == program)
    }

    @Test(arguments: ["myorg/web:v1", "argoproj/other:blue", "registry:5000/team/other:1", "debian"])
    func unknownImagesHaveNoPrefix(image: String) {
        #expect(Self.table.prefix(for: image) == nil)
    }

    @Test(arguments: [
        ("argoproj/rollouts-demo:blue", "argoproj/rollouts-demo", "blue"),
        ("registry:5000/team/app", "registry:5000/team/app", "latest"),
        ("registry:5000/team/app:1.2@sha256:abc", "registry:5000/team/app", "1.2"),
        ("docker.io/library/nginx:1.7.9", "nginx", "1.7.9"),
    ])
    func referencesSplitIntoRepositoryAndTag(text: String, repository: String, tag: String) {
        let reference = ImageReference(text)
        #expect(reference.repository == repository)
        #expect(reference.effectiveTag == tag)
    }

    @Test func builtInTableRunsTheDemoAppAndConfiguredEntriesWin() {
        let builtIn = ImageTable.builtIn(turnoutBinary: "/usr/local/bin/turnout")
        #expect(builtIn.prefix(for: "argoproj/rollouts-demo:yellow") == ["/usr/local/bin/turnout", "demo-app", "--color", "$(TURNOUT_IMAGE_TAG)"])
        let merged = builtIn.merging(ImageTable(["argoproj/rollouts-demo": ["/bin/demo"]]))
        #expect(merged.prefix(for: "argoproj/rollouts-demo:blue") == ["/bin/demo"])
    }
}
