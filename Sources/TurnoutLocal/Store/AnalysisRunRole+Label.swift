import TurnoutCore

extension AnalysisRunRole {
    /// The role a label (`background`, `step3`, `pre`, `post`) names; `nil` for any other text.
    init?(label: String) {
        switch label {
        case "background": self = .background
        case "pre": self = .prePromotion
        case "post": self = .postPromotion
        case "standalone": self = .standalone
        default:
            guard label.hasPrefix("step"), let index = Int(label.dropFirst(4)), index >= 0 else { return nil }
            self = .step(index)
        }
    }
}
