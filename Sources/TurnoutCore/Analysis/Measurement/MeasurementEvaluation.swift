/// Judges a provider's raw result against a metric's `successCondition` and `failureCondition`, as Argo
/// Rollouts does, and returns the measurement (phase, value as text, message).
///
/// `result` is bound to the value (a JSON number, array, map, ...). Rules:
/// - neither condition set: `phaseWithoutConditions` (Successful for every provider but the judge);
/// - only `successCondition`: Successful when it holds, Failed otherwise;
/// - only `failureCondition`: Failed when it holds, Successful otherwise;
/// - both: Failed when the failure condition holds, Successful when only the success condition does,
///   Inconclusive when neither does;
/// - a condition that does not parse or evaluate to a bool: Error, with the message naming the field.
public func evaluateMeasurement(_ result: JSONValue, of metric: Metric, phaseWithoutConditions: AnalysisPhase = .successful) -> Measurement {
    let value = ExpressionValue(result)
    let text = result.measurementText
    let success = nonEmpty(metric.successCondition)
    let failure = nonEmpty(metric.failureCondition)
    var succeeded = false
    var failed = false
    do throws(ExpressionError) {
        if let success { succeeded = try ConditionExpression(parsing: success).evaluate(result: value) }
    } catch {
        return Measurement(phase: .error, value: text, message: "successCondition `\(success ?? "")`: \(error.description)")
    }
    do throws(ExpressionError) {
        if let failure { failed = try ConditionExpression(parsing: failure).evaluate(result: value) }
    } catch {
        return Measurement(phase: .error, value: text, message: "failureCondition `\(failure ?? "")`: \(error.description)")
    }
    switch (success, failure) {
    case (nil, nil):
        return Measurement(phase: phaseWithoutConditions, value: text)
    case (.some, nil):
        failed = !succeeded
    case (nil, .some):
        succeeded = !failed
    case (.some, .some):
        break
    }
    if failed { return Measurement(phase: .failed, value: text) }
    return Measurement(phase: succeeded ? .successful : .inconclusive, value: text)
}

/// The text, or `nil` when it is missing or only spaces.
private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
    return text
}
