import TCPNotation
import TCPTutorTestSupport
import Testing

@testable import TCPCore

/// LISTEN under a SYN flood (RFC 4987): a half-open queue that fills with spoofed SYNs, and SYN cookies.
@Suite("LISTEN under a SYN flood: the SYN backlog and SYN cookies")
struct SynFloodTests {
    /// B listens with a backlog of two; two spoofed SYNs fill it and their SYN+ACKs go nowhere.
    static func flooded(cookies: Bool) -> Harness {
        var h = Harness(
            isnA: 100, isnB: 300, configuration: EndpointConfiguration(synBacklog: 2, synCookies: cookies))
        h.call(.b, .listen)
        for spoofed: UInt32 in [7_000, 8_000] {
            let step = h.simulation.inject(Segment(flags: .syn, seq: SequenceNumber(spoofed)), from: .a)
            #expect(step.verdict == .synQueued)
        }
        h.drop(.b, "S. 300:300(0) ack 7001")
        h.drop(.b, "S. 301:301(0) ack 8001")
        #expect(h.simulation[.b].state == .listen, "the listener keeps listening")
        #expect(h.simulation[.b].halfOpen.count == 2)
        return h
    }

    @Test("Backlog full: the real client's SYN is dropped without an answer (RFC 4987 §2)")
    func backlogFullDropsSyn() {
        var h = Self.flooded(cookies: false)
        h.call(.a, .connect)
        let step = h.deliver(.a, "S 100:100(0)")
        #expect(step?.verdict == .synBacklogFullDropsSyn)
        #expect(step?.emitted.isEmpty == true)
        h.expectNothingInFlight()
        h.expectStates(.synSent, .listen)
        #expect(h.simulation[.b].halfOpen.count == 2)
    }

    @Test("Without a backlog, LISTEN answers a SYN and enters SYN_RECEIVED as before")
    func noBacklogIsPlainListen() {
        var h = Harness(isnA: 100, isnB: 300)
        h.call(.b, .listen)
        h.call(.a, .connect)
        h.deliver(.a, "S 100:100(0)")
        h.expectStates(.synSent, .synReceived)
    }

    @Test("A queued SYN completes: its ACK takes the entry out of the queue, ESTABLISHED")
    func queuedEntryCompletes() {
        var h = Harness(isnA: 100, isnB: 300, configuration: EndpointConfiguration(synBacklog: 2))
        h.call(.b, .listen)
        h.call(.a, .connect)
        #expect(h.deliver(.a, "S 100:100(0)")?.verdict == .synQueued)
        h.deliver(.b, "S. 300:300(0) ack 101")
        let step = h.deliver(.a, ". 101:101(0) ack 301")
        #expect(step?.verdict == .halfOpenCompleted)
        h.expectStates(.established, .established)
        #expect(h.simulation[.b].halfOpen.isEmpty)
        #expect(h.simulation[.b].tcb?.sndNxt == SequenceNumber(301))
    }

    @Test("With cookies and the queue full: a SYN+ACK whose ISN is the cookie, and no state kept (RFC 4987 §3.6)")
    func cookieSynAckKeepsNoState() throws {
        var h = Self.flooded(cookies: true)
        h.call(.a, .connect)
        let delivered = h.simulation.deliverNext(from: .a)
        let step = try #require(delivered)
        #expect(step.verdict == .synCookieSent)
        let synAck = try #require(step.emitted.first?.segment)
        let cookie = h.simulation[.b].synCookie(irs: SequenceNumber(100), counter: 0)
        #expect(synAck.notation() == "S. \(cookie):\(cookie)(0) ack 101")
        #expect(cookie.rawValue >> 27 == 0, "the top 5 bits are t mod 32; t = 0 at time 0")
        h.expectStates(.synSent, .listen)
        #expect(h.simulation[.b].halfOpen.count == 2, "the cookie takes no entry")
        #expect(h.simulation[.b].unacknowledged.isEmpty, "nothing kept to retransmit")
        #expect(h.simulation[.b].nextDeadline == nil, "no timer runs for it")
    }

    @Test("A valid cookie ACK creates the connection: ISS = ack-1, ESTABLISHED")
    func validCookieEstablishes() throws {
        var h = Self.flooded(cookies: true)
        h.call(.a, .connect)
        h.simulation.deliverNext(from: .a)
        let cookie = h.simulation[.b].synCookie(irs: SequenceNumber(100), counter: 0)
        h.deliver(.b, "S. \(cookie):\(cookie)(0) ack 101")
        let step = h.deliver(.a, ". 101:101(0) ack \(cookie &+ 1)")
        #expect(step?.verdict == .synCookieAccepted)
        h.expectStates(.established, .established)
        let tcb = try #require(h.simulation[.b].tcb)
        #expect(tcb.iss == cookie && tcb.irs == SequenceNumber(100))
        #expect(tcb.sndNxt == cookie &+ 1 && tcb.rcvNxt == SequenceNumber(101))
        h.simulation.call(.send(10), on: .b)
        h.deliver(.b, "P. \(cookie &+ 1):\(cookie &+ 11)(10) ack 101")
    }

    @Test("Cookies without a backlog: every SYN is answered with a cookie and the listener stays in LISTEN")
    func cookiesAlone() {
        var h = Harness(isnA: 100, isnB: 300, configuration: EndpointConfiguration(synCookies: true))
        h.call(.b, .listen)
        h.call(.a, .connect)
        #expect(h.deliver(.a, "S 100:100(0)")?.verdict == .synCookieSent)
        h.expectStates(.synSent, .listen)
        #expect(h.simulation[.b].halfOpen.isEmpty)
    }

    @Test("A cookie stays valid for one more step of the time counter, and not after")
    func cookieAges() {
        let b = Endpoint(
            initialSequenceNumber: SequenceNumber(300), configuration: EndpointConfiguration(synCookies: true))
        let cookie = b.synCookie(irs: SequenceNumber(100), counter: 3)
        #expect(b.isValidCookie(cookie, irs: SequenceNumber(100), at: 3 * 64_000))
        #expect(b.isValidCookie(cookie, irs: SequenceNumber(100), at: 4 * 64_000 + 63_999))
        #expect(!b.isValidCookie(cookie, irs: SequenceNumber(100), at: 5 * 64_000))
        #expect(!b.isValidCookie(cookie, irs: SequenceNumber(101), at: 3 * 64_000), "another connection's cookie")
    }

    @Test("A forged ACK with a wrong cookie gets the RST any ACK to a listener gets (RFC 9293 §3.10.7.2)")
    func forgedCookieIsReset() throws {
        var h = Self.flooded(cookies: true)
        let cookie = h.simulation[.b].synCookie(irs: SequenceNumber(5_000), counter: 0)
        let forged = cookie &+ 2
        let step = h.simulation.inject(Segment(flags: .ack, seq: SequenceNumber(5_001), ack: forged), from: .a)
        #expect(step.verdict == .listenResetsAck)
        #expect(step.emitted.map { $0.segment.notation() } == ["R \(forged):\(forged)(0)"])
        #expect(h.simulation[.b].state == .listen)
    }
}
