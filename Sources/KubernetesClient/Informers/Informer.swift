import Logging

/// Lists a collection, then watches it from the list's resourceVersion (with bookmarks), keeping a cache of
/// its objects and telling subscribers about every change. A watch that ends is resumed from the last
/// resourceVersion seen; `410 Gone` (as an HTTP status or a watch ERROR event) triggers a relist, whose
/// difference to the cache is delivered as changes; any other failure is retried with backoff (0.1 s
/// doubling to 10 s, reset by the next event). There is no periodic resync: a consumer's correctness rests on
/// the changes alone.
///
/// Write-back: `remember` and `forget` put the controller's own writes into the cache at once, so its next
/// read is never older than what it wrote; the older watch event that follows is dropped.
public actor Informer<Object: InformerObject> {
    private let client: KubernetesClient
    private let resource: ResourceType
    private let namespace: String?
    private let labelSelector: String?
    private let fieldSelector: String?
    private let logger: Logger
    /// Seconds the server keeps one watch open.
    let watchTimeoutSeconds: Int
    /// The list page size.
    let pageSize: Int
    private var cache: InformerCache<Object>
    private var subscribers: [Int: AsyncStream<InformerChange<Object>>.Continuation] = [:]
    private var nextSubscriber = 0
    private var syncWaiters: [CheckedContinuation<Void, Never>] = []
    /// The resourceVersion to watch from; `nil` means list first.
    var resumeVersion: String?
    /// Whether the first list is in the cache.
    public private(set) var hasSynced = false
    /// Whether `run` ended.
    private var isFinished = false

    /// Creates an informer for a collection in one namespace (`nil`: all), filtered by selectors, its cache with secondary indexes.
    public init(
        client: KubernetesClient, resource: ResourceType, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil,
        indexes: [InformerIndex<Object>] = [], logger: Logger
    ) {
        self.init(
            client: client, resource: resource, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector,
            indexes: indexes, watchTimeoutSeconds: 300, pageSize: 500, logger: logger)
    }

    init(
        client: KubernetesClient, resource: ResourceType, namespace: String?, labelSelector: String?, fieldSelector: String?,
        indexes: [InformerIndex<Object>] = [], watchTimeoutSeconds: Int, pageSize: Int, logger: Logger
    ) {
        cache = InformerCache(indexes: indexes)
        self.client = client
        self.resource = resource
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.watchTimeoutSeconds = watchTimeoutSeconds
        self.pageSize = pageSize
        self.logger = logger
    }

    /// Lists and watches until the calling task is cancelled; then every subscription ends.
    public func run() async {
        var backoff = 0.1
        while !Task.isCancelled {
            do {
                if resumeVersion == nil { try await relist() }
                let options = WatchOptions(
                    labelSelector: labelSelector, fieldSelector: fieldSelector, resourceVersion: resumeVersion,
                    allowWatchBookmarks: true, timeoutSeconds: watchTimeoutSeconds)
                for try await event in client.watch(resource, namespace: namespace, options: options, as: Object.self) {
                    backoff = 0.1
                    handle(event)
                }
            } catch KubernetesError.gone {
                logger.debug("watch expired: relisting", metadata: ["informer.resource": "\(resource)"])
                resumeVersion = nil
            } catch {
                guard !Task.isCancelled else { break }
                logger.warning("watch failed: retrying in \(backoff) s: \(error)", metadata: ["informer.resource": "\(resource)"])
                try? await Task.sleep(for: .seconds(backoff))
                backoff = min(10, backoff * 2)
            }
        }
        isFinished = true
        for subscriber in subscribers.values { subscriber.finish() }
        subscribers = [:]
        resumeSyncWaiters()
    }

    /// Lists every page and replaces the cache with the result.
    private func relist() async throws {
        let listed = try await client.listAll(
            resource, namespace: namespace, options: ListOptions(labelSelector: labelSelector, fieldSelector: fieldSelector, limit: pageSize), as: Object.self)
        publish(cache.replace(with: listed.items))
        resumeVersion = listed.resourceVersion
        hasSynced = true
        publish([.synced])
        resumeSyncWaiters()
    }

    private func handle(_ event: WatchEvent<Object>) {
        switch event {
        case .added(let object), .modified(let object):
            resumeVersion = object.resourceVersion ?? resumeVersion
            publish(cache.store(object).map { [$0] } ?? [])
        case .deleted(let object):
            resumeVersion = object.resourceVersion ?? resumeVersion
            publish(cache.remove(object.informerKey).map { [$0] } ?? [])
        case .bookmark(let version):
            if !version.isEmpty { resumeVersion = version }
        }
    }

    private func publish(_ changes: [InformerChange<Object>]) {
        for change in changes {
            for subscriber in subscribers.values { subscriber.yield(change) }
        }
    }

    private func resumeSyncWaiters() {
        let waiters = syncWaiters
        syncWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the first list is in the cache (or `run` ended).
    public func waitUntilSynced() async {
        guard !hasSynced, !isFinished else { return }
        await withCheckedContinuation { syncWaiters.append($0) }
    }

    /// The cached object with a key.
    public func object(_ key: InformerKey) -> Object? {
        cache.objects[key]
    }

    /// The cached objects of a namespace (all when `nil`), sorted by key.
    public func objects(inNamespace namespace: String?) -> [Object] {
        cache.objects.keys.filter { namespace == nil || $0.namespace == namespace }.sorted().compactMap { cache.objects[$0] }
    }

    /// The cached objects an index holds under a value, sorted by key.
    public func objects(inIndex name: String, value: String) -> [Object] {
        cache.keys(inIndex: name, value: value).compactMap { cache.objects[$0] }
    }

    /// Write-back of an object the caller wrote: cached at once unless the cache already holds a newer one.
    public func remember(_ object: Object) {
        publish(cache.store(object).map { [$0] } ?? [])
    }

    /// Write-back of a delete the caller made.
    public func forget(_ key: InformerKey) {
        publish(cache.remove(key).map { [$0] } ?? [])
    }

    /// Every change from now on (and `.synced` after each list); ends when `run` ends.
    public func changes() -> AsyncStream<InformerChange<Object>> {
        let (stream, continuation) = AsyncStream.makeStream(of: InformerChange<Object>.self)
        guard !isFinished else {
            continuation.finish()
            return stream
        }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }
}

extension Informer {
    /// Makes the next `run` watch from `version` without listing first (tests force a 410 Gone with it).
    func startFrom(version: String) {
        resumeVersion = version
    }
}
