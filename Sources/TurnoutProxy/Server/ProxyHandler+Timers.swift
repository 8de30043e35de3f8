import NIOCore
import NIOHTTP1

/// Which timeout a connection is under.
enum ConnectionTimeout {
    /// Idle between requests.
    case idle
    /// A request head arriving too slowly (slowloris).
    case requestHead
    /// A request body stalled.
    case requestBody
    /// The upstream is slow to answer or to send more.
    case upstream
    /// Discarding input after a refusal, before the connection closes.
    case linger
}

extension ProxyHandler {
    /// The deadline the connection is under now, from the exchange's progress; `nil` when none applies.
    ///
    /// One timer per connection, moved lazily: extending a deadline costs nothing; the timer re-checks when it fires.
    func currentDeadline() -> (deadline: NIODeadline, kind: ConnectionTimeout)? {
        let timeouts = loop.configuration.timeouts
        if isLingering { return (lingerSince + timeouts.lingeringClose.timeAmount, .linger) }
        if isClosing || isTunnel { return nil }
        if let exchange {
            if !exchange.requestComplete && exchange.connection != nil {
                return (exchange.lastProgress + timeouts.requestBody.timeAmount, .requestBody)
            }
            return (exchange.lastProgress + timeouts.upstreamResponse.timeAmount, .upstream)
        }
        if let partialHeadSince { return (partialHeadSince + timeouts.requestHead.timeAmount, .requestHead) }
        return (idleSince + timeouts.clientIdle.timeAmount, .idle)
    }

    /// Makes sure a timer fires no later than the current deadline.
    func armTimer() {
        guard let (deadline, _) = currentDeadline() else { return }
        if let timerFiresAt, timerFiresAt <= deadline { return }
        timer?.cancel()
        schedule(at: deadline)
    }

    func cancelTimer() {
        timer?.cancel()
        timer = nil
        timerFiresAt = nil
    }

    private func schedule(at deadline: NIODeadline) {
        guard let context else { return }
        timerFiresAt = deadline
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { self.timerFired() }
    }

    private func timerFired() {
        timer = nil
        timerFiresAt = nil
        guard let (deadline, kind) = currentDeadline() else { return }
        if NIODeadline.now() < deadline {
            schedule(at: deadline)
            return
        }
        handleTimeout(kind)
    }

    private func handleTimeout(_ kind: ConnectionTimeout) {
        switch kind {
        case .idle, .linger:
            closeNow()
        case .requestHead:
            reject(.headerTimeout)
        case .requestBody:
            guard let exchange else { return closeNow() }
            if exchange.responseStarted {
                closeNow()
            } else {
                respondLocally(exchange, status: .requestTimeout, message: RequestRejection.bodyTimeout.description, close: true)
            }
        case .upstream:
            guard let exchange else { return closeNow() }
            if exchange.responseStarted {
                closeNow()
                return
            }
            exchange.metrics.upstreamTimeouts += 1
            let address = exchange.slot.map { "\($0.upstream.address)" } ?? "(connecting)"
            loop.logger.warning("upstream timed out", metadata: ["upstream.address": "\(address)", "listener.name": "\(listener)"])
            respondLocally(
                exchange, status: .gatewayTimeout,
                message: "upstream did not respond within \(loop.configuration.timeouts.upstreamResponse)", close: false
            )
        }
    }
}
