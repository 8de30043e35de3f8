import Testing
import TurnoutDemoApp

struct FaultInjectorTests {
    private func failures(_ injector: FaultInjector, in count: Int) -> Int {
        (0..<count).filter { _ in injector.next().isFailure }.count
    }

    @Test(arguments: [0.0, 0.01, 0.1, 0.2, 1.0 / 3.0, 0.5, 0.99, 1.0])
    func failsTheConfiguredShareOfEveryHundredRequests(rate: Double) throws {
        let injector = FaultInjector(faults: try Faults(errorRate: rate, latencyMs: 0))
        for window in 0..<5 {
            let count = failures(injector, in: 100)
            #expect(abs(Double(count) - rate * 100) <= 1, "window \(window): \(count) failures")
        }
    }

    @Test func spreadsFailuresEvenly() throws {
        let injector = FaultInjector(faults: try Faults(errorRate: 0.2, latencyMs: 0))
        let pattern = (0..<10).map { _ in injector.next().isFailure }
        #expect(pattern == [false, false, false, false, true, false, false, false, false, true])
    }

    @Test func reportsTheLatency() throws {
        let injector = FaultInjector(faults: try Faults(errorRate: 0, latencyMs: 250))
        #expect(injector.next() == FaultInjector.Outcome(isFailure: false, delay: .milliseconds(250)))
    }

    @Test func settingFaultsRestartsTheCount() throws {
        let injector = FaultInjector(faults: try Faults(errorRate: 0.5, latencyMs: 0))
        _ = injector.next()
        injector.set(try Faults(errorRate: 0.5, latencyMs: 0))
        #expect(!injector.next().isFailure)
        #expect(injector.next().isFailure)
    }

    @Test func partialUpdateKeepsTheOtherField() throws {
        let injector = FaultInjector(faults: try Faults(errorRate: 0.2, latencyMs: 50))
        let fasterFaults = try Faults(errorRate: 0.2, latencyMs: 0)
        let failingFaults = try Faults(errorRate: 1, latencyMs: 0)
        #expect(try injector.update(FaultsUpdate(latencyMs: 0)) == fasterFaults)
        #expect(try injector.update(FaultsUpdate(errorRate: 1)) == failingFaults)
    }

    @Test(arguments: [FaultsUpdate(errorRate: -0.1), FaultsUpdate(errorRate: .nan), FaultsUpdate(latencyMs: 60_001)])
    func invalidUpdateThrowsAndChangesNothing(update: FaultsUpdate) throws {
        let before = try Faults(errorRate: 0.2, latencyMs: 50)
        let injector = FaultInjector(faults: before)
        #expect(throws: DemoAppError.self) { try injector.update(update) }
        #expect(injector.faults == before)
    }
}
