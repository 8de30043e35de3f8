import Foundation
import Testing
import TurnoutCore
import TurnoutLocal

@Suite struct PodVolumesTests {
    static let mounts: [(mountPath: String, directory: String)] = [
        ("/usr/share/nginx/html", "/state/pods/1/volumes/html"),
        ("/pod-data", "/state/pods/1/volumes/data"),
    ]

    @Test(arguments: [
        ("echo hi > /pod-data/index.html && sleep 1", "echo hi > /state/pods/1/volumes/data/index.html && sleep 1"),
        ("/pod-data", "/state/pods/1/volumes/data"),
        ("--root=/usr/share/nginx/html", "--root=/state/pods/1/volumes/html"),
        ("'/pod-data/a' \"/pod-data\"", "'/state/pods/1/volumes/data/a' \"/state/pods/1/volumes/data\""),
        ("a:/pod-data:b", "a:/state/pods/1/volumes/data:b"),
        // not a path that starts at the mount path
        ("/pod-database", "/pod-database"),
        ("/srv/pod-data", "/srv/pod-data"),
        ("x/pod-data", "x/pod-data"),
        ("", ""),
    ])
    func mountPathsAreRewrittenWhereTheyStartAPath(text: String, expected: String) {
        #expect(PodVolumes.rewrite(text, mounts: Self.mounts) == expected)
    }

    @Test func emptyDirsLiveInThePodDirectoryHostPathsWhereTheyAre() throws {
        let template = try JSONDecoder().decode(PodTemplate.self, from: Data(#"""
            {"spec": {"volumes": [{"name": "data", "emptyDir": {}}, {"name": "logs", "hostPath": {"path": "/var/log/app"}},
                                  {"name": "config", "configMap": {"name": "app"}},
                                  {"name": "..", "emptyDir": {}}, {"name": "a/b", "emptyDir": {}}],
                      "containers": [{"name": "a", "volumeMounts": [{"name": "data", "mountPath": "/data/"},
                                      {"name": "logs", "mountPath": "/logs", "subPath": "a"}, {"name": "config", "mountPath": "/etc/app"},
                                      {"name": "missing", "mountPath": "/nope"}, {"name": "data", "mountPath": "/up", "subPath": "../../etc"}]}]}}
            """#.utf8))
        let volumes = PodVolumes(spec: template.spec, podDirectory: "/state/pods/7")
        #expect(volumes.directories == ["data": "/state/pods/7/volumes/data", "logs": "/var/log/app"])
        #expect(volumes.emptyDirectories == ["/state/pods/7/volumes/data"])
        let mounts = volumes.mounts(of: template.spec.containers[0])
        #expect(mounts.map(\.mountPath) == ["/data", "/logs"])
        #expect(mounts.map(\.directory) == ["/state/pods/7/volumes/data", "/var/log/app/a"])
    }
}
