import Foundation

/// A YAML file holding one object of a known type (a configuration file, not a manifest stream).
public enum YAMLFile {
    /// Decodes the file's only document as `type`; problems are diagnostics naming `file`, line, column and field.
    /// The value is `nil` when the file has errors or no document; `locations` finds where fields are written.
    public static func decode<T: Decodable>(_ type: T.Type, text: String, file: String) -> (value: T?, diagnostics: [Diagnostic], locations: FieldLocations?) {
        let (documents, problems) = YAMLSource.documents(in: text, file: file)
        guard problems.allSatisfy({ !$0.isError }) else { return (nil, problems, nil) }
        guard let document = documents.first else {
            let empty = Diagnostic(severity: .error, location: SourceLocation(file: file, line: 1, column: 1), path: [], message: "the file is empty", fix: nil)
            return (nil, problems + [empty], nil)
        }
        var diagnostics = problems
        let locations = FieldLocations(node: document.node, file: file)
        if documents.count > 1 {
            diagnostics.append(Diagnostic(severity: .error, location: documents[1].location, path: [], message: "the file holds more than one document", fix: "keep one"))
            return (nil, diagnostics, locations)
        }
        let (value, decoding) = NodeDecoder(file: file).decode(type, from: document.node)
        diagnostics += decoding
        return (diagnostics.contains(where: \.isError) ? nil : value, diagnostics, locations)
    }
}
