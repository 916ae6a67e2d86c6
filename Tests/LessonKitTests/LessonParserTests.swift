import LessonKit
import TCPCore
import TCPNotation
import Testing
import TimelineKit

/// A minimal valid header, so each test writes only the steps it is about.
let header = """
    id: t
    title: T
    title.zh: 测
    summary: S
    summary.zh: 简
    hosts: A 10.0.0.1:1000, B 10.0.0.2:80
    isn: A 100, B 300

    """

func diagnostics(_ text: String) -> [String] {
    do {
        let lesson = try LessonParser.parse(text, file: "x.lesson")
        return LessonRunner.run(lesson).diagnostics.map(\.description)
    } catch {
        return error.diagnostics.map(\.description)
    }
}

@Suite("Lesson language: parsing and errors with file:line:column")
struct LessonParserTests {
    @Test("A clean handshake parses, runs and disagrees with nothing")
    func cleanLesson() throws {
        let text =
            header + """
                B listen
                A connect
                A > B: S 100:100(0)
                quiz sender flags seq ack
                B > A: S. 300:300(0) ack 101
                  en: SYN+ACK.
                  zh: 同步确认。
                A > B: ack 301
                expect A ESTABLISHED, B SYN-RECEIVED
                """
        #expect(
            diagnostics(text) == [
                "x.lesson:16:25: B is in ESTABLISHED here, not SYN_RECEIVED (an ACK of our SYN in SYN_RECEIVED"
                    + " completes the handshake: ESTABLISHED)"
            ])
        let lesson = try LessonParser.parse(text, file: "x.lesson")
        #expect(lesson.steps.count == 5)
        #expect(lesson.steps[3].quiz?.fields == [.sender, .flags, .seq, .ack])
        #expect(lesson.steps[3].narration == LocalizedText(en: "SYN+ACK.", zh: "同步确认。"))
    }

    @Test("A segment the engine does not send is pointed at, with what the engine sends and why")
    func wrongSegment() {
        let text = header + "B listen\nA connect\nA > B: S 100:100(0)\nB > A: S. 300:300(0) ack 100\n"
        #expect(
            diagnostics(text) == [
                "x.lesson:11:8: this segment is not what B sends: expected S. 300:300(0) ack 101 (a SYN in LISTEN is"
                    + " answered by SYN+ACK with our ISN and ack = their ISN+1 (a SYN occupies one sequence number),"
                    + " RFC 9293 §3.10.7.2)"
            ])
    }

    @Test(
        "Syntax errors name the line and the column of the mistake",
        arguments: [
            (
                "A conect",
                "x.lesson:8:3: unknown call 'conect': use listen, connect, send N, read [N], shutdown, close or abort"
            ),
            ("A > B: S 1:2(5)", "x.lesson:8:14: the range 1:2 holds 1 bytes but the length says 5"),
            (
                "A > B: X 1:1(0)",
                "x.lesson:8:8: unknown flags 'X': use tcpdump letters F S R P U E W and '.' for ACK (e.g. S. or F.)"
            ),
            ("A > B: S. 0:0(0)", "x.lesson:8:17: the ACK flag ('.') is set but no 'ack N' follows"),
            ("A > A: S 0:0(0)", "x.lesson:8:5: expected 'A > B': segments go from one host to the other"),
            ("wait 3 parsecs", "x.lesson:8:6: '3' is not a duration: use 250ms, 3s, 2min or 1h"),
            (
                "expct A LISTEN",
                "x.lesson:8:1: unknown directive 'expct': a step starts with A or B, drop, duplicate, reorder, inject, wait, say, expect or quiz"
            ),
            (
                "quiz flags colour",
                "x.lesson:8:12: unknown quiz field 'colour': use sender, flags, seq, ack, len, state, time"
            ),
            ("A send lots", "x.lesson:8:8: 'lots' is not a byte count (1 to 4294967295)"),
        ])
    func syntaxErrors(line: String, expected: String) {
        #expect(diagnostics(header + line + "\n").first == expected)
    }

    @Test("A broken header is reported, key by key")
    func brokenHeader() {
        let text = """
            id: Bad Id
            title: T
            hosts: A 10.0.0.1:99999, B 10.0.0.2:80
            isn: A 100, B lots
            colour: blue
            B listen
            """
        let found = diagnostics(text)
        #expect(
            found.contains(
                "x.lesson:5:1: unknown header key 'colour'; known keys: delayed-ack, fast-retransmit, fresh, hosts, id, isn, keep-alive, msl, numbers, receive-buffer, rto, simultaneous-open, summary, summary.zh, syn-backlog, syn-cookies, title, title.zh, user-timeout, window"
            ))
        #expect(found.contains("x.lesson:1:1: the header has no 'title.zh:' line"))
        #expect(found.contains("x.lesson:3:10: '99999' is not a port (0 to 65535)"))
    }

    @Test("Narration in one language only is refused")
    func oneLanguage() {
        #expect(
            diagnostics(header + "B listen\n  en: B waits.\n") == [
                "x.lesson:9:1: this narration has no 'zh:' line; every step is told in both languages"
            ])
    }

    @Test("A quiz must stand right before a segment")
    func quizPlacement() {
        #expect(
            diagnostics(header + "quiz flags\nB listen\n").first
                == "x.lesson:8:1: 'quiz' must come right before a segment line such as 'A > B: S 0:0(0)'")
    }

    @Test("Delivering from a host that sent nothing says what is in flight")
    func nothingInFlight() {
        #expect(
            diagnostics(header + "A connect\nB > A: S. 0:0(0) ack 1\n") == [
                "x.lesson:9:1: B has sent nothing that is still on its way to A here (in flight: A > B: S 100:100(0))"
            ])
    }
}

@Suite("Lesson runner: numbers tied to the declared ISNs")
struct LessonRunnerTests {
    static let handshake =
        header + """
            B listen
              en: B listens; its ISN is {B.iss}.
              zh: B监听，初始序列号{B.iss}。
            A connect
            A > B: S 100:100(0)
            B > A: S. 300:300(0) ack 101
            A > B: . 101:101(0) ack 301
              en: A acknowledges {A.rcv.nxt}.
              zh: A确认{A.rcv.nxt}。
            """

    @Test("Other ISNs: the same lesson still checks, and narration shows the numbers in use")
    func rebased() throws {
        let lesson = try LessonParser.parse(Self.handshake, file: "h.lesson")
        let seeded = FreshDraw.seeded(1)
        let fresh: [HostID: SequenceNumber] = [
            .a: SequenceNumber(UInt32(truncatingIfNeeded: seeded.a)),
            .b: SequenceNumber(UInt32(truncatingIfNeeded: seeded.b)),
        ]
        for isn in [fresh, [.a: SequenceNumber(4_294_967_295), .b: SequenceNumber(0)]] {
            let run = LessonRunner.run(lesson, isn: isn)
            #expect(run.diagnostics.isEmpty)
            #expect(run.timeline.frames[1].narration?.en == "B listens; its ISN is \(isn[.b]!.rawValue).")
            let expectedAck = (isn[.b]! &+ 1).rawValue
            #expect(run.timeline.frames.last?.narration?.zh == "A确认\(expectedAck)。")
            #expect(run.timeline.frames.last?.wire?.segment.ack == isn[.b]! &+ 1)
        }
    }

    @Test("Narration is filled in both numberings, so a screen switched to the other one narrates its numbers")
    func bothNumberings() throws {
        let lesson = try LessonParser.parse(Self.handshake, file: "h.lesson")
        let last = try #require(LessonRunner.run(lesson).timeline.frames.last)
        #expect(last.narration?.en == "A acknowledges 301.")
        #expect(last.narration(in: .absolute)?.en == "A acknowledges 301.")
        #expect(last.narration(in: .relative)?.en == "A acknowledges 1.")
        #expect(last.narration(in: .relative)?.zh == "A确认1。")
        let relative = try LessonParser.parse(
            Self.handshake.replacingOccurrences(of: "isn: A 100, B 300", with: "isn: A 100, B 300\nnumbers: relative")
                .replacingOccurrences(of: "S 100:100(0)", with: "S 0:0(0)")
                .replacingOccurrences(of: "S. 300:300(0) ack 101", with: "S. 0:0(0) ack 1")
                .replacingOccurrences(of: ". 101:101(0) ack 301", with: ". 1:1(0) ack 1"),
            file: "r.lesson")
        let run = LessonRunner.run(relative)
        #expect(run.diagnostics.isEmpty)
        let end = try #require(run.timeline.frames.last)
        #expect(end.narration?.en == "A acknowledges 1.", "the lesson's own numbering")
        #expect(end.narration(in: .absolute)?.en == "A acknowledges 301.")
        // A narration without numbers needs no second filling.
        #expect(run.timeline.frames[3].narrationByNumbering.isEmpty)
    }

    @Test("Narration placeholders filled where they stand; unknown names, stray braces, a TCB not yet made: left")
    func placeholders() throws {
        let source =
            header + """
                say
                  en: {A.state} {A.snd.nxt} {A.iss}{B.iss} {C.iss} {A.nope} {x} { } {A.iss
                  zh: {B.state}：{B.irs}
                B listen
                A connect
                  en: {A.state} sent {A.snd.una}..{A.snd.nxt}; B's {B.rcv.nxt} {B.irs} and {A.irs}.
                  zh: {A.state}
                """
        let run = LessonRunner.run(try LessonParser.parse(source, file: "p.lesson"))
        #expect(
            run.timeline.frames[1].narration?.en == "CLOSED {A.snd.nxt} 100300 {C.iss} {A.nope} {x} { } {A.iss",
            "A has no TCB before its OPEN, so its send variables stay as written")
        #expect(run.timeline.frames[1].narration?.zh == "CLOSED：{B.irs}")
        #expect(run.timeline.frames[3].narration?.en == "SYN_SENT sent 100..101; B's 0 - and -.")
    }

    @Test("Frames are values: each keeps the state of its own moment")
    func framesAreSnapshots() throws {
        let run = LessonRunner.run(try LessonParser.parse(Self.handshake, file: "h.lesson"))
        let states = run.timeline.frames.map { "\($0.host(.a).state)/\($0.host(.b).state)" }
        #expect(
            states == [
                "CLOSED/CLOSED", "CLOSED/LISTEN", "SYN_SENT/LISTEN", "SYN_SENT/SYN_RECEIVED",
                "ESTABLISHED/SYN_RECEIVED", "ESTABLISHED/ESTABLISHED",
            ])
        #expect(run.timeline.ladder(through: 4).count == 2)
        #expect(run.timeline.frames[3].inFlight.map { $0.segment.notation() } == ["S. 300:300(0) ack 101"])
    }

    @Test("ISN clocks: the seed's 38 minutes give 291840001, not 291008001")
    func isnClocks() {
        let a = HostAddress(address: "192.168.1.116", port: 3337)
        let b = HostAddress(address: "192.168.1.123", port: 7788)
        #expect(
            ISNClock.value(of: .bsdClock(milliseconds: 38 * 60_000, connections: 0), local: a, remote: b).rawValue
                == 291_840_001)
        #expect(ISNClock.value(of: .bsdClock(milliseconds: 0, connections: 2), local: a, remote: b).rawValue == 128_001)
        #expect(ISNClock.value(of: .rfc793Clock(milliseconds: 1_000), local: a, remote: b).rawValue == 250_000)
        // RFC 793's clock wraps after about 4.55 hours.
        #expect(
            ISNClock.value(of: .rfc793Clock(milliseconds: 17_179_869), local: a, remote: b).rawValue == 4_294_967_250)
        let keyed = ISNClock.value(of: .rfc9293(milliseconds: 1_000, key: "k"), local: a, remote: b)
        let otherPort = ISNClock.value(
            of: .rfc9293(milliseconds: 1_000, key: "k"), local: HostAddress(address: "192.168.1.116", port: 3338),
            remote: b)
        let otherKey = ISNClock.value(of: .rfc9293(milliseconds: 1_000, key: "j"), local: a, remote: b)
        #expect(keyed != otherPort && keyed != otherKey)
        #expect(keyed == ISNClock.value(of: .rfc9293(milliseconds: 1_000, key: "k"), local: a, remote: b))
        #expect(FreshDraw.seeded(5) == FreshDraw.seeded(5) && FreshDraw.seeded(5) != FreshDraw.seeded(6))
    }
}

@Suite("Lesson language: the engine choices in the header")
struct EngineChoiceHeaderTests {
    static func parse(_ header: String) throws(LessonErrors) -> Lesson {
        let text = """
            id: choices
            title: T
            title.zh: 题
            summary: S
            summary.zh: 概要
            hosts: A 10.0.0.1:1000, B 10.0.0.2:80
            isn: A 100, B 300
            \(header)
            B listen
            """
        return try LessonParser.parse(text, file: "x.lesson")
    }

    @Test func simultaneousOpenFastRetransmitAndKeepAliveAreRead() throws {
        let figure = try Self.parse("simultaneous-open: rfc-figure")
        #expect(figure.configuration[.a].simultaneousOpen == .rfcFigure)
        #expect(figure.configuration[.b].simultaneousOpen == .rfcFigure)
        let fast = try Self.parse("fast-retransmit: A")
        #expect(fast.configuration[.a].fastRetransmit == true && fast.configuration[.b].fastRetransmit == false)
        let keepAlive = try Self.parse("keep-alive: B 2h 75s 9")
        #expect(keepAlive.configuration[.b].keepAlive == KeepAlive(idle: 7_200_000, interval: 75_000, probes: 9))
        #expect(keepAlive.configuration[.a].keepAlive == nil)
        let buffer = try Self.parse("receive-buffer: B 1000")
        #expect(buffer.configuration[.b].receiveBuffer == 1000 && buffer.configuration[.b].receiveWindow == 1000)
        #expect(buffer.configuration[.a].receiveBuffer == 65535, "flow control on both hosts")
    }

    @Test func synBacklogAndSynCookiesAreRead() throws {
        let backlog = try Self.parse("syn-backlog: B 2")
        #expect(backlog.configuration[.b].synBacklog == 2 && backlog.configuration[.b].synCookies == false)
        #expect(backlog.configuration[.a].synBacklog == nil)
        let cookies = try Self.parse("syn-cookies: B")
        #expect(cookies.configuration[.b].synCookies == true)
        #expect(cookies.configuration[.b].synBacklog == nil)
        #expect(cookies.configuration[.a].synCookies == false)
    }

    @Test func badValuesAreReportedWhereTheyAre() {
        let cases: [(String, String)] = [
            ("simultaneous-open: bsd", "x.lesson:8:20: 'simultaneous-open' is 'rfc-rules'"),
            ("fast-retransmit: C", "x.lesson:8:18: expected a host list such as 'A' or 'A, B'"),
            ("keep-alive: A 2h 75s", "x.lesson:8:15: '2h 75s' is not a keep-alive"),
            ("syn-backlog: B many", "x.lesson:8:16: 'many' is not a SYN backlog"),
            ("syn-cookies: C", "x.lesson:8:14: expected a host list such as 'A' or 'A, B'"),
        ]
        for (header, message) in cases {
            do {
                _ = try Self.parse(header)
                Issue.record("\(header) was accepted")
            } catch {
                #expect(error.diagnostics.contains { $0.description.hasPrefix(message) }, "\(error.diagnostics)")
            }
        }
    }
}
