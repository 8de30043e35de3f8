import Testing
import TurnoutCore

@Suite struct LabelSelectorTests {
    /// `metav1.FormatLabelSelector` output for the same selectors.
    @Test(arguments: [
        (LabelSelector(matchLabels: ["app": "demo"]), "app=demo"),
        (LabelSelector(matchLabels: ["tier": "web", "app": "demo"]), "app=demo,tier=web"),
        (LabelSelector(matchLabels: ["app": "demo"], matchExpressions: [.init(key: "track", operator: "In", values: ["green", "blue"])]), "app=demo,track in (blue,green)"),
        (LabelSelector(matchExpressions: [.init(key: "b", operator: "NotIn", values: ["x"]), .init(key: "a", operator: "Exists")]), "a,b notin (x)"),
        (LabelSelector(matchExpressions: [.init(key: "gone", operator: "DoesNotExist")]), "!gone"),
        (LabelSelector(), "<none>"),
    ])
    func textIsWhatKubernetesWrites(_ selector: LabelSelector, _ text: String) {
        #expect(selector.text == text)
    }

    @Test func addingALabelNarrowsTheSelector() {
        let selector = LabelSelector(matchLabels: ["app": "demo"]).adding(label: "rollouts-pod-template-hash", value: "abc")
        #expect(selector.text == "app=demo,rollouts-pod-template-hash=abc")
    }
}
