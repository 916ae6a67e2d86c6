import TCPTutorTestSupport
import Testing

@testable import TCPCore

@Suite("ConnectionState.transitions: every change of state, with the event that makes it")
struct TransitionTableTests {
    let table = ConnectionState.transitions

    @Test("Each row changes the state and is listed once")
    func rowsAreChanges() {
        #expect(Set(table).count == table.count)
        #expect(table.allSatisfy { $0.from != $0.to })
    }

    @Test("Each row cites the section of RFC 9293 that makes the change: its rule's, in §3")
    func rowsCiteSections() {
        for row in table {
            #expect(row.section == row.because.section)
            #expect(row.section.hasPrefix("§3."), "\(row.from) → \(row.to): \(row.section)")
        }
    }

    @Test("Every state is entered and left, CLOSED aside (it is where the engine starts)")
    func everyStateEnteredAndLeft() {
        for state in ConnectionState.allCases {
            #expect(table.contains { $0.from == state }, "nothing leaves \(state)")
            #expect(table.contains { $0.to == state }, "nothing enters \(state)")
        }
    }

    @Test("Every arrow of RFC 9293's state diagram (§3.3.2, Figure 5) is in the table")
    func diagramArrows() {
        let figure5: [(ConnectionState, ConnectionState)] = [
            (.closed, .listen), (.closed, .synSent), (.listen, .closed), (.listen, .synReceived), (.listen, .synSent),
            (.synSent, .closed), (.synSent, .synReceived), (.synSent, .established), (.synReceived, .listen),
            (.synReceived, .established), (.synReceived, .finWait1), (.established, .finWait1),
            (.established, .closeWait), (.finWait1, .finWait2), (.finWait1, .closing), (.finWait2, .timeWait),
            (.closing, .timeWait), (.closeWait, .lastAck), (.lastAck, .closed), (.timeWait, .closed),
        ]
        for (from, to) in figure5 {
            #expect(table.contains { $0.from == from && $0.to == to }, "\(from) → \(to)")
        }
    }

    @Test("A change the engine makes is a row of the table, with its rule")
    func engineChangesAreRows() {
        var h = Harness(isnA: 100, isnB: 300)
        var made: [Transition] = []
        func record(_ step: SimulationStep?) { made += step?.transitions.values.flatMap { $0 } ?? [] }
        record(h.call(.b, .listen))
        record(h.call(.a, .connect))
        record(h.deliver(.a, "S 100:100(0)"))
        record(h.deliver(.b, "S. 300:300(0) ack 101"))
        record(h.deliver(.a, ". 101:101(0) ack 301"))
        record(h.call(.a, .close))
        record(h.deliver(.a, "F. 101:101(0) ack 301"))
        #expect(made.count == 7)
        #expect(made.allSatisfy(table.contains), "\(made.filter { !table.contains($0) })")
    }
}

@Suite("SYN_RECEIVED after a passive open returns to LISTEN (RFC 9293 §3.10.7.4)")
struct ReturnToListenTests {
    /// B in SYN_RECEIVED after A's SYN; B's SYN-ACK still in flight.
    static func synReceived() -> Harness {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 100:100(0)")
        return h
    }

    @Test("A SYN in the window: back to LISTEN, and the rule says a SYN came, not a reset")
    func synReturnsToListen() {
        var h = Self.synReceived()
        let syn = h.simulation.inject(Segment(flags: .syn, seq: SequenceNumber(105)), from: .a)
        #expect(syn.verdict == .synInSynReceivedFromPassiveOpen)
        #expect(
            syn.transitions[.b] == [
                Transition(from: .synReceived, to: .listen, because: .synInSynReceivedFromPassiveOpen)
            ])
        #expect(syn.emitted.isEmpty)
        h.expectStates(.synSent, .listen)
    }

    @Test("An RST: back to LISTEN, reported as the reset")
    func resetReturnsToListen() {
        var h = Self.synReceived()
        let reset = h.simulation.inject(Segment(flags: .rst, seq: SequenceNumber(101)), from: .a)
        #expect(reset.verdict == .resetInSynReceivedFromPassiveOpen)
        h.expectStates(.synSent, .listen)
    }

    @Test("A socket close() made in SYN_RECEIVED goes with that connection: the next one's data is read, not reset")
    func closeIsForgottenInListen() {
        var h = Self.synReceived()
        h.call(.b, .send(10))  // queued until ESTABLISHED
        h.call(.b, .close)  // its FIN waits behind the queued data (RFC 9293 §3.10.4)
        h.simulation.inject(Segment(flags: .rst, seq: SequenceNumber(101)), from: .a)
        h.expectStates(.synSent, .listen)
        h.drop(.b, "S. 300:300(0) ack 101")
        h.simulation.advance(by: 1_000)  // A's SYN again, on its retransmission timer
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.deliver(.a, ". 101:101(0) ack 301")
        h.expectStates(.established, .established)
        h.call(.a, .send(5))
        let data = h.deliver(.a, "P. 101:106(5) ack 301")
        #expect(data?.verdict == .dataAcknowledged)
        h.expectNext(.b, ". 301:301(0) ack 106")
    }
}
