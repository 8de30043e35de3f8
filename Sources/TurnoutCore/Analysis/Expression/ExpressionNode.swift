/// One node of a parsed condition expression, with the column it is reported at and its height.
struct ExpressionNode: Sendable {
    /// The node's shape.
    indirect enum Kind: Sendable {
        /// A literal value.
        case literal(ExpressionValue)
        /// A variable such as `result`.
        case variable(String)
        /// `#`: the element a predicate is applied to.
        case element
        /// `[a, b]`.
        case array([ExpressionNode])
        /// `{key: value}`.
        case object([(key: String, value: ExpressionNode)])
        /// `base.name`; optional (nil on a nil base) for `base?.name` and the rest of its chain.
        case member(ExpressionNode, String, isOptional: Bool)
        /// `base[index]`; optional after a `?.` earlier in the chain.
        case index(ExpressionNode, ExpressionNode, isOptional: Bool)
        /// A prefix operator.
        case unary(UnaryOperator, ExpressionNode)
        /// An infix operator.
        case binary(BinaryOperator, ExpressionNode, ExpressionNode)
        /// `condition ? then : else`.
        case conditional(ExpressionNode, ExpressionNode, ExpressionNode)
        /// A builtin function call; a predicate argument is evaluated once per element.
        case call(ExpressionFunction, [ExpressionNode])
    }

    /// Prefix operators.
    enum UnaryOperator: String, Sendable {
        case negate = "-"
        case plus = "+"
        case not = "!"
    }

    /// Infix operators, with expr-lang's precedences.
    enum BinaryOperator: String, Sendable {
        case or = "||"
        case and = "&&"
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case `in` = "in"
        case notIn = "not in"
        case contains = "contains"
        case startsWith = "startsWith"
        case endsWith = "endsWith"
        case add = "+"
        case subtract = "-"
        case multiply = "*"
        case divide = "/"
        case modulo = "%"
        case power = "**"
        case coalesce = "??"

        /// Binding strength: higher binds tighter.
        var precedence: Int {
            switch self {
            case .or: 10
            case .and: 15
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn, .contains, .startsWith, .endsWith: 20
            case .add, .subtract: 30
            case .multiply, .divide, .modulo: 60
            case .power: 100
            case .coalesce: 500
            }
        }

        /// Whether `a op b op c` groups as `a op (b op c)`.
        var isRightAssociative: Bool {
            self == .power
        }

        /// Whether `a op b op c` means `a op b && b op c` (`1 < x < 3`).
        var isChainable: Bool {
            switch self {
            case .less, .lessOrEqual, .greater, .greaterOrEqual: true
            case .or, .and, .equal, .notEqual, .in, .notIn, .contains, .startsWith, .endsWith, .add, .subtract,
                 .multiply, .divide, .modulo, .power, .coalesce: false
            }
        }
    }

    /// The node's shape.
    var kind: Kind
    /// The 1-based column reported for errors: the operator for operators, the start otherwise.
    var column: Int
    /// 1 for a leaf; one more than the tallest child otherwise.
    var height: Int

    /// A node over `children`, with its height computed from theirs.
    init(_ kind: Kind, column: Int, children: [ExpressionNode] = []) {
        self.kind = kind
        self.column = column
        self.height = 1 + (children.map(\.height).max() ?? 0)
    }
}
