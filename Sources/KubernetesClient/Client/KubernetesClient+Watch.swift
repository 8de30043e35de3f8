import AsyncHTTPClient
import Foundation

extension KubernetesClient {
    /// Watches a collection: one event per change, as the server streams them.
    ///
    /// The stream ends normally when the server closes the watch (`timeoutSeconds`), and throws
    /// `KubernetesError.gone` when the resourceVersion is too old (relist, then watch again). Cancelling
    /// the consuming task, or dropping the stream, closes the connection.
    /// `namespace == nil` watches a namespaced type across all namespaces.
    public func watch<T: Decodable & Sendable>(
        _ resource: ResourceType, namespace: String?, options: WatchOptions = WatchOptions(), as type: T.Type = T.self
    ) -> AsyncThrowingStream<WatchEvent<T>, any Error> {
        let namespace = resource.isNamespaced ? namespace : nil
        let action = KubernetesAction(verb: "watch", resource: resource, namespace: namespace, name: nil)
        let request = Request(
            method: .GET, path: Self.path(resource, namespace: namespace), query: options.query, action: action,
            isStreaming: true,
            streamingDeadline: options.timeoutSeconds.map { .seconds($0 + 60) })
        return lines(of: request) { line in
            let decoded: WatchLine<T>
            do {
                decoded = try JSONDecoder().decode(WatchLine<T>.self, from: Data(line))
            } catch let error as DecodingError {
                throw KubernetesError.undecodableResponse(action, message: "watch event: \(Kubeconfig.describe(error))")
            }
            switch decoded.content {
            case .event(let event):
                return event
            case .error(let status):
                throw KubernetesError(APIFailure(action: action, code: status.code ?? 500, status: status))
            }
        }
    }

    /// Streams a response body line by line, each line turned into an element; `transform` may throw to end it.
    func lines<Element: Sendable>(
        of request: Request, transform: @escaping @Sendable ([UInt8]) throws -> Element
    ) -> AsyncThrowingStream<Element, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let response = try await open(request)
                    var splitter = LineSplitter()
                    do {
                        for try await chunk in response.body {
                            for line in splitter.append(chunk.readableBytesView) {
                                continuation.yield(try transform(line))
                            }
                        }
                    } catch let error as KubernetesError {
                        throw error
                    } catch {
                        throw mapTransport(error, action: request.action)
                    }
                    if let rest = splitter.finish() { continuation.yield(try transform(rest)) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
