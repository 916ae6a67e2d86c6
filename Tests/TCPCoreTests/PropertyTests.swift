import Testing

@testable import TCPCore

/// Random event sequences on both hosts: whatever happens, the invariants hold.
@Suite("Properties: random calls, losses, copies and reorderings")
struct PropertyTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("SND.UNA =< SND.NXT, transitions from the table, bytes delivered never exceed (and finally equal) bytes sent")
    func randomRuns() {
        var generator = Generator(state: 0x5EED)
        var checkedSteps = 0
        var comparedStreams = 0
        var comparedLossyStreams = 0
        for run in 0..<1_500 {
            var simulation = Simulation(
                a: Endpoint(
                    initialSequenceNumber: SequenceNumber(UInt32(truncatingIfNeeded: generator.next(1 << 30) * 4))),
                b: Endpoint(initialSequenceNumber: SequenceNumber(UInt32.max &- UInt32(generator.next(100)))))
            var sent: [HostID: UInt32] = [.a: 0, .b: 0]
            var read: [HostID: UInt32] = [.a: 0, .b: 0]
            var received: [HostID: UInt32] = [.a: 0, .b: 0]
            var resetSeen = false
            let lossy = run % 2 == 0
            if run % 4 != 3 {  // most runs start with a handshake under way; the rest start from nothing
                simulation.call(.listen, on: .b)
                simulation.call(.connect, on: .a)
            }
            for _ in 0..<80 {
                let host: HostID = generator.next(2) == 0 ? .a : .b
                var step = SimulationStep()
                switch generator.next(lossy ? 12 : 9) {
                case 0: step = simulation.call(.listen, on: host)
                case 1: step = simulation.call(.connect, on: host)
                case 2, 3:
                    let count = UInt32(1 + generator.next(500))
                    step = simulation.call(.send(count), on: host)
                    if step.errors[host] == nil { sent[host]! += count }
                case 4:
                    let before = simulation[host].unreadBytes
                    step = simulation.call(.read(nil), on: host)
                    read[host]! += before - simulation[host].unreadBytes
                case 5: step = simulation.call(generator.next(3) == 0 ? .close : .shutdown, on: host)
                case 6, 7, 8: step = simulation.deliverNext(from: host) ?? SimulationStep()
                case 9: simulation.dropNext(from: host)
                case 10: simulation.duplicateNext(from: host)
                default: step = simulation.advance(by: UInt64(100 + generator.next(3_000)))
                }
                resetSeen = resetSeen || check(step, simulation, sent: sent, read: read)
                for (host, count) in step.bytesReceived { received[host]! += count }
                checkedSteps += 1
            }
            // Drain: deliver everything and let timers run until the wire is quiet.
            for _ in 0..<400 {
                if let step = simulation.deliverNext(from: .a) ?? simulation.deliverNext(from: .b) {
                    resetSeen = resetSeen || check(step, simulation, sent: sent, read: read)
                    for (host, count) in step.bytesReceived { received[host]! += count }
                } else if simulation[.a].nextDeadline != nil || simulation[.b].nextDeadline != nil {
                    let step = simulation.advance(by: 1_000)
                    resetSeen = resetSeen || check(step, simulation, sent: sent, read: read)
                    for (host, count) in step.bytesReceived { received[host]! += count }
                } else {
                    break
                }
            }
            if !resetSeen {
                for host in HostID.allCases {
                    // Data still queued behind a connection that never opened was never sent.
                    let transmitted = sent[host]! - simulation[host].queuedBytes
                    #expect(
                        received[host.peer]! == transmitted,
                        "run \(run): \(host) sent \(transmitted), \(host.peer) got \(received[host.peer]!)")
                    if sent[host]! > 0 { comparedStreams += 1 }
                    if sent[host]! > 0, lossy { comparedLossyStreams += 1 }
                }
            }
        }
        #expect(checkedSteps == 1_500 * 80)
        // The final comparison must really happen, on many streams, lossy ones among them.
        #expect(comparedStreams >= 150, "only \(comparedStreams) byte streams compared")
        #expect(comparedLossyStreams >= 30, "only \(comparedLossyStreams) lossy byte streams compared")
    }

    /// Checks one step; returns whether a reset or abort happened (after which sent data may be lost).
    func check(_ step: SimulationStep, _ simulation: Simulation, sent: [HostID: UInt32], read: [HostID: UInt32]) -> Bool
    {
        for (host, transitions) in step.transitions {
            for transition in transitions {
                #expect(
                    ConnectionState.transitions.contains(transition),
                    "\(host): \(transition.from) → \(transition.to) because \(transition.because)")
            }
        }
        for host in HostID.allCases {
            if let tcb = simulation[host].tcb {
                #expect(
                    tcb.sndUna.precedesOrEquals(tcb.sndNxt), "\(host): SND.UNA \(tcb.sndUna) > SND.NXT \(tcb.sndNxt)")
            }
            #expect(read[host]! + simulation[host].unreadBytes <= sent[host.peer]!)
        }
        // Events after which data may rightly be lost: resets, aborts, timeouts, and queues thrown away by CLOSE.
        let losses: Set<Rule> = [
            .resetCloses, .synSentAcceptsReset, .userTimeout, .closeWithUnreadDataResets, .dataAfterCloseResets,
            .abortSendsReset, .resetInSynReceivedFromPassiveOpen, .synInSynReceivedFromPassiveOpen, .closeInSynSent,
            .closeInListen,
            .synReceivedBadAckResets,
        ]
        let fatal: Set<EndpointError> = [.connectionReset, .connectionRefused, .userTimeout]
        let emittedReset = step.emitted.contains { $0.segment.has(.rst) }
        let transitionLoss = step.transitions.values.joined().contains { losses.contains($0.because) }
        let errorLoss = step.errors.values.joined().contains { fatal.contains($0) }
        return emittedReset || transitionLoss || errorLoss
    }
}
