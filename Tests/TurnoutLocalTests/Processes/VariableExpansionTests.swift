import Testing
import TurnoutLocal

@Suite struct VariableExpansionTests {
    static let variables = ["PORT": "4001", "NAME": "web", "EMPTY": ""]

    @Test(arguments: [
        ("plain", "plain"),
        ("$(PORT)", "4001"),
        ("--listen=127.0.0.1:$(PORT)", "--listen=127.0.0.1:4001"),
        ("$(NAME)-$(PORT)", "web-4001"),
        ("$(EMPTY)x", "x"),
        ("$(UNKNOWN)", "$(UNKNOWN)"),
        ("a $(UNKNOWN) $(PORT)", "a $(UNKNOWN) 4001"),
        ("$$(PORT)", "$(PORT)"),
        ("$$$(PORT)", "$4001"),
        ("$$", "$"),
        ("cost: $5", "cost: $5"),
        ("$(PORT", "$(PORT"),
        ("trailing $", "trailing $"),
        ("$()", "$()"),
        ("ünï $(NAME) ✓", "ünï web ✓"),
    ])
    func expandsLikeKubernetes(input: String, expected: String) {
        #expect(VariableExpansion.expand(input, variables: Self.variables) == expected)
    }
}
