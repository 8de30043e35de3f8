import Foundation

/// Merges a template's argument declarations with the arguments a rollout gives, as Argo does: a given
/// `value` or `valueFrom` replaces the declaration's; given arguments no template declares are ignored.
///
/// Values that depend on the moment of creation are fixed here: `podTemplateHashValue` (`Latest` is the
/// analysed revision, `Stable` the stable one) and `fieldRef` (read from the rollout). A `secretKeyRef`
/// stays a reference, so Secret values are not copied into the run; `argumentValues(_:secrets:)` reads them.
/// Throws when an argument has no value at all, or a reference cannot be followed.
public func mergeAnalysisArguments(
    declared: [AnalysisArgument], given: [AnalysisRunArgument], sources: AnalysisArgumentSources
) throws(AnalysisArgumentError) -> [AnalysisArgument] {
    var merged: [AnalysisArgument] = []
    for declaration in declared {
        var argument = declaration
        if let override = given.first(where: { $0.name == declaration.name }) {
            if let value = override.value {
                argument = AnalysisArgument(name: declaration.name, value: value)
            } else if let from = override.valueFrom {
                argument = AnalysisArgument(name: declaration.name, value: try value(of: declaration.name, from: from, sources: sources))
            }
        }
        if argument.value == nil, let fieldRef = argument.valueFrom?.fieldRef {
            argument = AnalysisArgument(name: argument.name, value: try field(fieldRef.fieldPath, of: argument.name, in: sources.rollout))
        }
        if argument.value == nil, let secret = argument.valueFrom?.secretKeyRef {
            _ = try secretValue(secret, of: argument.name, in: sources.secrets)
        } else if argument.value == nil {
            throw .missingValue(argument: argument.name)
        }
        merged.append(argument)
    }
    return merged
}

/// Every argument's value by name: its `value`, or the Secret key its `valueFrom.secretKeyRef` names.
public func argumentValues(_ arguments: [AnalysisArgument], secrets: [String: [String: String]]) throws(AnalysisArgumentError) -> [String: String] {
    var values: [String: String] = [:]
    for argument in arguments {
        if let value = argument.value {
            values[argument.name] = value
        } else if let secret = argument.valueFrom?.secretKeyRef {
            values[argument.name] = try secretValue(secret, of: argument.name, in: secrets)
        } else if let fieldRef = argument.valueFrom?.fieldRef {
            throw .fieldNotFound(argument: argument.name, fieldPath: fieldRef.fieldPath)
        } else {
            throw .missingValue(argument: argument.name)
        }
    }
    return values
}

/// The value a rollout-side `valueFrom` names.
private func value(of name: String, from source: ArgumentValueFrom, sources: AnalysisArgumentSources) throws(AnalysisArgumentError) -> String {
    if let hashValue = source.podTemplateHashValue {
        switch hashValue {
        case "Latest": return sources.latestHash
        case "Stable":
            guard let stable = sources.stableHash else { throw .noStableRevision(argument: name) }
            return stable
        default: throw .unknownPodTemplateHashValue(argument: name, value: hashValue)
        }
    }
    if let fieldRef = source.fieldRef {
        return try field(fieldRef.fieldPath, of: name, in: sources.rollout)
    }
    throw .missingValue(argument: name)
}

private func secretValue(_ reference: SecretKeyReference, of name: String, in secrets: [String: [String: String]]) throws(AnalysisArgumentError) -> String {
    guard let secret = secrets[reference.name] else { throw .secretNotFound(argument: name, secret: reference.name) }
    guard let value = secret[reference.key] else { throw .secretKeyNotFound(argument: name, secret: reference.name, key: reference.key) }
    return value
}

/// A field of the rollout as text: strings as written, other values as a measurement prints them.
private func field(_ path: String, of name: String, in rollout: Rollout?) throws(AnalysisArgumentError) -> String {
    guard let rollout, let data = try? JSONEncoder().encode(rollout), let document = try? JSONDecoder().decode(JSONValue.self, from: data),
        let components = FieldPathReference.components(of: path), let value = FieldPathReference.value(at: components, in: document), value != .null
    else { throw .fieldNotFound(argument: name, fieldPath: path) }
    return value.measurementText
}
