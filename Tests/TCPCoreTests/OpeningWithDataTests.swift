import TCPTutorTestSupport
import Testing

@testable import TCPCore

/// Data at the edges of the handshake: written in SYN_SENT, and arriving in SYN_RECEIVED after a lost third ACK.
@Suite("Opening: SYN_SENT with data queued, SYN_RECEIVED completed by data")
struct OpeningWithDataTests {
    @Test("Data written in SYN_SENT rides on the third segment: seq = ISS+1, the SYN carried none")
    func thirdSegmentCarriesQueuedData() {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.b, .listen)
        h.call(.a, .connect)
        let queued = h.call(.a, .send(100))
        #expect(queued.emitted.isEmpty)
        h.deliver(.a, "S 100:100(0)")
        let synAck = h.deliver(.b, "S. 300:300(0) ack 101")
        #expect(synAck?.emitted.map(\.because) == [.handshakeAckCarriesData])
        h.expectStates(.established, .synReceived)
        let data = h.deliver(.a, "P. 101:201(100) ack 301")
        #expect(data?.transitions[.b]?.map(\.because) == [.synReceivedAckEstablishes])
        #expect(data?.bytesReceived[.b] == 100)
        h.deliver(.b, ". 301:301(0) ack 201")
        h.expectStates(.established, .established)
        h.expectNothingInFlight()
    }

    @Test("Without queued data the third segment stays a bare ACK")
    func thirdSegmentIsBareWithoutData() {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 100:100(0)")
        let synAck = h.deliver(.b, "S. 300:300(0) ack 101")
        #expect(synAck?.emitted.map(\.because) == [.synSentCompletesHandshake])
        h.deliver(.a, ". 101:101(0) ack 301")
    }

    @Test("The third ACK lost: the client's first data segment completes the handshake at the server")
    func dataCompletesTheHandshake() {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.drop(.a, ". 101:101(0) ack 301")
        h.expectStates(.established, .synReceived)
        h.call(.a, .send(50))
        let data = h.deliver(.a, "P. 101:151(50) ack 301")
        #expect(data?.verdict == .dataAcknowledged)
        #expect(data?.transitions[.b]?.map(\.to) == [.established])
        h.deliver(.b, ". 301:301(0) ack 151")
        #expect(h.simulation[.b].retransmissionDeadline == nil, "the SYN-ACK is acknowledged: no more retries")
    }

    @Test("A server whose SYN-ACK is never acknowledged gives up; the client's later data meets an RST")
    func serverGivesUpAndResetsLaterData() {
        var h = Harness(isnA: 100, isnB: 300, configuration: EndpointConfiguration(userTimeout: 63_000))
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 100:100(0)")
        h.deliver(.b, "S. 300:300(0) ack 101")
        h.drop(.a, ". 101:101(0) ack 301")
        var retries: [UInt64] = []
        while h.simulation[.b].state == .synReceived {
            let step = h.simulation.advance(by: 1_000)
            if !step.emitted.isEmpty {
                retries.append(h.simulation.now)
                h.deliver(.b, "S. 300:300(0) ack 101")
                h.drop(.a, ". 101:101(0) ack 301")
            }
            if let errors = step.errors[.b] { #expect(errors == [.userTimeout]) }
        }
        #expect(retries == [1_000, 3_000, 7_000, 15_000, 31_000], "five retries, as Linux's tcp_synack_retries")
        #expect(h.simulation.now == 63_000)
        h.expectStates(.established, .closed)
        h.call(.a, .send(10))
        h.deliver(.a, "P. 101:111(10) ack 301")
        let reset = h.deliver(.b, "R 301:301(0)")
        #expect(reset?.errors[.a] == [.connectionReset])
        h.expectStates(.closed, .closed)
    }
}
