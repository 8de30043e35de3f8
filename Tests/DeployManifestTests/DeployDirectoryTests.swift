import Foundation
import KubernetesTestSupport
import Testing

/// The install manifests exist where the tests and the documentation say.
struct DeployDirectoryTests {
    @Test func theCRDDirectoryOfEachGroupExists() {
        for group in CustomResourceInstaller.Group.allCases {
            let path = CustomResourceInstaller.repositoryRoot.appendingPathComponent(group.directory).path
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue, "\(path)")
        }
    }
}
