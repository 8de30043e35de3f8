import TurnoutRendering

/// Prints a value as JSON, YAML, or its human rendering.
enum ResourcePrinter {
    /// Prints `value` in `format`, or `human()` when no format was asked for.
    static func print<Value: Encodable>(_ value: Value, format: ResourceOutputFormat?, human: () -> String) throws {
        guard let format else {
            Terminal.write(human())
            return
        }
        switch format {
        case .json: Terminal.write(try JSONOutput.render(value))
        case .yaml: Terminal.write(String(try YAMLRenderer.render(value).dropLast()))
        }
    }
}
