/// A Pratt (precedence-climbing) parser from tokens to an expression tree, with expr-lang's grammar:
///
/// ```
/// expression  = binary [ "?" expression ":" expression ]
/// binary      = prefix { infix-operator binary }          (by precedence; `**` right-associative)
/// prefix      = ("!" | "not") binary₅₀ | ("-" | "+") binary₉₀ | postfix
/// postfix     = primary { "." name | "?." name | "[" expression "]" }
/// primary     = number | string | true | false | nil | null | name | name "(" arguments ")"
///             | "#" | "." name (in a predicate) | "(" expression ")" | "[" list "]" | "{" members "}"
/// ```
///
/// Depth is bounded: both the recursion and the tree height stop at `maximumDepth`.
struct ExpressionParser {
    private let tokens: [ExpressionToken]
    private let maximumDepth: Int
    private var position = 0
    private var depth = 0
    private var predicateDepth = 0
    /// Every variable the expression reads, with its column, in order of appearance.
    private(set) var variables: [(name: String, column: Int)] = []

    /// A parser over `tokens` (ending with `.end`).
    init(tokens: [ExpressionToken], maximumDepth: Int) {
        self.tokens = tokens
        self.maximumDepth = maximumDepth
    }

    /// The whole expression; the tokens must be used up.
    mutating func parse() throws(ExpressionError) -> ExpressionNode {
        if case .end = current.kind {
            throw .syntax("expression is empty", column: current.column)
        }
        let node = try parseExpression(precedence: 0)
        guard case .end = current.kind else {
            throw unexpected(current)
        }
        return node
    }

    private var current: ExpressionToken { tokens[position] }

    private var next: ExpressionToken { tokens[min(position + 1, tokens.count - 1)] }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    private func unexpected(_ token: ExpressionToken) -> ExpressionError {
        if case .end = token.kind {
            return .syntax("unexpected end of expression", column: token.column)
        }
        return .syntax("unexpected \(token.quoted)", column: token.column)
    }

    /// Consumes `symbol` that closes `opener`, or reports which bracket is unclosed.
    private mutating func expectClosing(_ symbol: String, for opener: ExpressionToken) throws(ExpressionError) {
        guard current.isSymbol(symbol) else {
            throw .syntax("expected '\(symbol)' to close '\(opener.text)' at column \(opener.column), found \(current.quoted)", column: current.column)
        }
        advance()
    }

    /// A node, refused when it makes the tree taller than the limit.
    private func node(_ kind: ExpressionNode.Kind, column: Int, children: [ExpressionNode]) throws(ExpressionError) -> ExpressionNode {
        let node = ExpressionNode(kind, column: column, children: children)
        guard node.height <= maximumDepth else {
            throw .tooComplex("expression nests deeper than \(maximumDepth) levels", column: column)
        }
        return node
    }

    private mutating func parseExpression(precedence: Int) throws(ExpressionError) -> ExpressionNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= maximumDepth else {
            throw .tooComplex("expression nests deeper than \(maximumDepth) levels", column: current.column)
        }
        var left = try parsePrefix()
        var lastComparison: (operator: ExpressionNode.BinaryOperator, right: ExpressionNode)?
        while let (op, width) = binaryOperator(), op.precedence >= precedence {
            let operatorToken = current
            for _ in 0..<width { advance() }
            let right = try parseExpression(precedence: op.isRightAssociative ? op.precedence : op.precedence + 1)
            if op.isChainable, let previous = lastComparison, previous.operator.isChainable {
                // `a < b < c` means `a < b && b < c`.
                let comparison = try node(.binary(op, previous.right, right), column: operatorToken.column, children: [previous.right, right])
                left = try node(.binary(.and, left, comparison), column: operatorToken.column, children: [left, comparison])
            } else {
                left = try node(.binary(op, left, right), column: operatorToken.column, children: [left, right])
            }
            lastComparison = (op, right)
        }
        if precedence == 0, current.isSymbol("?") {
            let questionMark = current
            advance()
            let then = try parseExpression(precedence: 0)
            guard current.isSymbol(":") else {
                throw .syntax("expected ':' in the conditional started by '?' at column \(questionMark.column), found \(current.quoted)", column: current.column)
            }
            advance()
            let otherwise = try parseExpression(precedence: 0)
            left = try node(.conditional(left, then, otherwise), column: questionMark.column, children: [left, then, otherwise])
        }
        return left
    }

    /// The infix operator at the current token and how many tokens it spans (`not in` spans two).
    private func binaryOperator() -> (ExpressionNode.BinaryOperator, Int)? {
        switch current.kind {
        case .symbol(let symbol):
            switch symbol {
            case "||": return (.or, 1)
            case "&&": return (.and, 1)
            case "==": return (.equal, 1)
            case "!=": return (.notEqual, 1)
            case "<": return (.less, 1)
            case "<=": return (.lessOrEqual, 1)
            case ">": return (.greater, 1)
            case ">=": return (.greaterOrEqual, 1)
            case "+": return (.add, 1)
            case "-": return (.subtract, 1)
            case "*": return (.multiply, 1)
            case "/": return (.divide, 1)
            case "%": return (.modulo, 1)
            case "**", "^": return (.power, 1)
            case "??": return (.coalesce, 1)
            default: return nil
            }
        case .identifier(let name):
            switch name {
            case "or": return (.or, 1)
            case "and": return (.and, 1)
            case "in": return (.in, 1)
            case "not" where next.isIdentifier("in"): return (.notIn, 2)
            case "contains": return (.contains, 1)
            case "startsWith": return (.startsWith, 1)
            case "endsWith": return (.endsWith, 1)
            default: return nil
            }
        case .number, .string, .end:
            return nil
        }
    }

    private mutating func parsePrefix() throws(ExpressionError) -> ExpressionNode {
        let token = current
        var unary: (ExpressionNode.UnaryOperator, Int)?
        if token.isSymbol("!") || token.isIdentifier("not") {
            unary = (.not, 50)
        } else if token.isSymbol("-") {
            unary = (.negate, 90)
        } else if token.isSymbol("+") {
            unary = (.plus, 90)
        }
        if let (op, precedence) = unary {
            advance()
            let operand = try parseExpression(precedence: precedence)
            return try node(.unary(op, operand), column: token.column, children: [operand])
        }
        return try parsePostfix(try parsePrimary())
    }

    private mutating func parsePostfix(_ base: ExpressionNode) throws(ExpressionError) -> ExpressionNode {
        var node = base
        var isOptionalChain = false
        while true {
            let token = current
            if token.isSymbol(".") || token.isSymbol("?.") {
                isOptionalChain = isOptionalChain || token.isSymbol("?.")
                advance()
                guard case .identifier(let name) = current.kind else {
                    throw .syntax("expected a member name after '\(token.text)', found \(current.quoted)", column: current.column)
                }
                advance()
                node = try self.node(.member(node, name, isOptional: isOptionalChain), column: token.column, children: [node])
            } else if token.isSymbol("[") {
                advance()
                let index = try parseExpression(precedence: 0)
                try expectClosing("]", for: token)
                node = try self.node(.index(node, index, isOptional: isOptionalChain), column: token.column, children: [node, index])
            } else {
                return node
            }
        }
    }

    private mutating func parsePrimary() throws(ExpressionError) -> ExpressionNode {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return ExpressionNode(.literal(.number(value)), column: token.column)
        case .string(let value):
            advance()
            return ExpressionNode(.literal(.string(value)), column: token.column)
        case .identifier(let name):
            advance()
            switch name {
            case "true": return ExpressionNode(.literal(.bool(true)), column: token.column)
            case "false": return ExpressionNode(.literal(.bool(false)), column: token.column)
            case "nil", "null": return ExpressionNode(.literal(.null), column: token.column)
            default: break
            }
            if current.isSymbol("(") {
                return try parseCall(name: token)
            }
            if ["and", "or", "in", "contains", "startsWith", "endsWith"].contains(name) {
                throw .syntax("unexpected operator '\(name)': it needs an operand on its left", column: token.column)
            }
            variables.append((name, token.column))
            return ExpressionNode(.variable(name), column: token.column)
        case .symbol("#"):
            guard predicateDepth > 0 else {
                throw .syntax("'#' can only be used inside a predicate, as in all(result, {# > 0})", column: token.column)
            }
            advance()
            return ExpressionNode(.element, column: token.column)
        case .symbol(".") where predicateDepth > 0:
            // `.field` inside a predicate means `#.field`.
            advance()
            guard case .identifier(let name) = current.kind else {
                throw .syntax("expected a member name after '.', found \(current.quoted)", column: current.column)
            }
            advance()
            let element = ExpressionNode(.element, column: token.column)
            return try node(.member(element, name, isOptional: false), column: token.column, children: [element])
        case .symbol("("):
            advance()
            let inner = try parseExpression(precedence: 0)
            try expectClosing(")", for: token)
            return inner
        case .symbol("["):
            advance()
            var elements: [ExpressionNode] = []
            while !current.isSymbol("]") {
                elements.append(try parseExpression(precedence: 0))
                guard current.isSymbol(",") else { break }
                advance()
            }
            try expectClosing("]", for: token)
            return try node(.array(elements), column: token.column, children: elements)
        case .symbol("{"):
            return try parseObject(opener: token)
        case .symbol, .end:
            throw unexpected(token)
        }
    }

    /// `{key: value, "other key": value}`.
    private mutating func parseObject(opener: ExpressionToken) throws(ExpressionError) -> ExpressionNode {
        advance()
        var members: [(key: String, value: ExpressionNode)] = []
        while !current.isSymbol("}") {
            let key: String
            switch current.kind {
            case .identifier(let name): key = name
            case .string(let text): key = text
            case .number, .symbol, .end:
                throw .syntax("expected a map key (a name or a string), found \(current.quoted)", column: current.column)
            }
            advance()
            guard current.isSymbol(":") else {
                throw .syntax("expected ':' after the map key '\(key)', found \(current.quoted)", column: current.column)
            }
            advance()
            members.append((key, try parseExpression(precedence: 0)))
            guard current.isSymbol(",") else { break }
            advance()
        }
        try expectClosing("}", for: opener)
        return try node(.object(members), column: opener.column, children: members.map(\.value))
    }

    /// `name(arguments)`, with the name resolved against the builtins and the argument count checked.
    private mutating func parseCall(name token: ExpressionToken) throws(ExpressionError) -> ExpressionNode {
        guard case .identifier(let name) = token.kind else { throw unexpected(token) }
        guard let function = ExpressionFunction(rawValue: name) else {
            let suggestion = Suggestion.closest(to: name, among: ExpressionFunction.allCases.map(\.name))
            throw .unknownFunction(name, suggestion: suggestion, column: token.column)
        }
        let opener = current
        advance()
        var arguments: [ExpressionNode] = []
        while !current.isSymbol(")") {
            if function.takesPredicate && arguments.count == 1 {
                arguments.append(try parsePredicate())
            } else {
                arguments.append(try parseExpression(precedence: 0))
            }
            guard current.isSymbol(",") else { break }
            advance()
        }
        try expectClosing(")", for: opener)
        guard function.arity.contains(arguments.count) else {
            throw .invalidArgument(
                "\(name) takes \(function.arityDescription), got \(arguments.count)", column: token.column
            )
        }
        return try node(.call(function, arguments), column: token.column, children: arguments)
    }

    /// A predicate: `{body}` or a bare body, in which `#` is the element.
    private mutating func parsePredicate() throws(ExpressionError) -> ExpressionNode {
        predicateDepth += 1
        defer { predicateDepth -= 1 }
        guard current.isSymbol("{") else {
            return try parseExpression(precedence: 0)
        }
        let opener = current
        advance()
        let body = try parseExpression(precedence: 0)
        try expectClosing("}", for: opener)
        return body
    }
}
