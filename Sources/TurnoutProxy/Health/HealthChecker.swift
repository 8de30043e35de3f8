import Logging
import NIOCore

/// Probes one upstream on its schedule and sets its health from the thresholds; runs until cancelled.
enum HealthChecker {
    /// Starts probing `upstream` (first probe at once) and returns the task to cancel when the upstream leaves.
    static func start(_ upstream: Upstream, check: HealthCheck, on eventLoop: any EventLoop, logger: Logger) -> Task<Void, Never> {
        Task {
            var state = HealthState(healthyThreshold: check.healthyThreshold, unhealthyThreshold: check.unhealthyThreshold, isHealthy: upstream.isHealthy)
            let clock = ContinuousClock()
            while !Task.isCancelled {
                let started = clock.now
                let passed = await HealthProbe.run(upstream, check: check, on: eventLoop)
                if Task.isCancelled { return }
                switch state.record(passed: passed) {
                case .becameHealthy?:
                    upstream.setHealthy(true)
                    logger.info("upstream healthy", metadata: ["upstream.address": "\(upstream.address)", "health.path": "\(check.path)"])
                case .becameUnhealthy?:
                    upstream.setHealthy(false)
                    logger.warning("upstream unhealthy", metadata: ["upstream.address": "\(upstream.address)", "health.path": "\(check.path)"])
                case nil:
                    break
                }
                try? await Task.sleep(until: started + check.interval, clock: clock)
            }
        }
    }
}
