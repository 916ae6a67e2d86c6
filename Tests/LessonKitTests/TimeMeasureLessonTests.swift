import Foundation
import LessonKit
import TCPCore
import Testing

/// The lesson language's `time` moments: `quiz time until A CLOSED` before a `wait`, `since A connect`,
/// `until arrival`; the runner reads their times from the engine and `check` reports misuse at its place.
@Suite("Lesson language: time questions on a state change and from a call")
struct TimeMeasureLessonTests {
    /// A close in which A goes to TIME_WAIT: header lines 1-7, steps from line 8 to 18; the question goes on 19.
    /// Every segment is the engine's (delivered without asserting: the other suites prove these numbers).
    static let teardown =
        ["B listen", "A connect", "A > B", "B > A", "A > B", "A close", "A > B", "B > A", "B close", "B > A", "A > B"]
        .joined(separator: "\n") + "\n"

    static func run(_ text: String) throws -> LessonRun {
        LessonRunner.run(try LessonParser.parse(text, file: "x.lesson"))
    }

    @Test("the interval is the engine's: 2 × the lesson's MSL, from the timer firing inside the wait")
    func measuredFromTheEngine() throws {
        let text =
            header.replacingOccurrences(of: "isn:", with: "msl: 30s\nisn:") + Self.teardown + """
                quiz time until A CLOSED
                wait 5min
                """
        let run = try Self.run(text)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        let frame = try #require(run.timeline.frames.first { $0.quiz?.measure != nil })
        let measure = try #require(frame.quiz?.measure)
        #expect(frame.origin == .lessonLine(21) && frame.quiz?.line == 20)
        #expect(measure.elapsed == 60_000 && measure.start == 0 && measure.end == 60_000 && frame.time == 300_000)
        #expect(measure.leaving == .timeWait && measure.reason == .timeWaitExpired)
        // Timers fire at the same moments as in one long advance: the run is the same as without the question.
        let plain = try Self.run(text.replacingOccurrences(of: "quiz time until A CLOSED\n", with: ""))
        #expect(plain.timeline.frames.map(\.hosts) == run.timeline.frames.map(\.hosts))
        #expect(plain.timeline.frames.map(\.transitions) == run.timeline.frames.map(\.transitions))
    }

    @Test("since a call, since a state, until arrival: each from the engine's moments")
    func otherMoments() throws {
        let text =
            header + """
                B listen
                A connect
                wait 40ms
                A > B: S 100:100(0)
                wait 40ms
                quiz time until arrival since A connect
                B > A: S. 300:300(0) ack 101
                quiz time since A connect
                A > B: . 101:101(0) ack 301
                A close
                A > B: F. 101:101(0) ack 301
                B > A: . 301:301(0) ack 102
                B close
                B > A: F. 301:301(0) ack 102
                wait 500ms
                A > B: . 102:102(0) ack 302
                quiz time until A CLOSED since A TIME_WAIT
                wait 5min
                """
        let run = try Self.run(text)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        let measures = run.timeline.frames.compactMap { $0.quiz?.measure }
        try #require(measures.count == 3)
        #expect(measures[0].since == .call(.a, "connect") && measures[0].until == .arrival)
        #expect(measures[0].elapsed == 80)
        // The third segment left when the SYN+ACK arrived, two crossings after connect().
        #expect(measures[1].until == .sent && measures[1].elapsed == 80)
        // A entered TIME_WAIT when B's FIN arrived, half a second before its ACK was delivered.
        #expect(measures[2].since == .state(.a, .timeWait) && measures[2].elapsed == 240_000)
    }

    @Test(
        "misuse is reported at its place",
        arguments: [
            (
                "quiz time until A CLOSED\nwait 1min",
                "x.lesson:19:17: A does not reach CLOSED during this wait: it stays in TIME_WAIT"
            ),
            (
                "quiz time until B CLOSED\nwait 5min",
                "x.lesson:19:17: B does not reach CLOSED during this wait: it is already in CLOSED"
            ),
            (
                "quiz time\nwait 5min",
                "x.lesson:19:1: a 'quiz' before a 'wait' asks when a host's state changes, as in 'quiz time until A CLOSED'"
            ),
            (
                "quiz time until arrival\nwait 5min",
                "x.lesson:19:17: a 'quiz' before a 'wait' asks when a host's state changes, as in 'quiz time until A CLOSED'"
            ),
            (
                "quiz time seq until A CLOSED\nwait 5min",
                "x.lesson:19:1: a 'quiz' before a 'wait' asks only 'time': no segment is shown there"
            ),
            (
                "quiz flags until A CLOSED\nwait 5min",
                "x.lesson:19:12: 'until' belongs to a 'time' question, as in 'quiz time until A CLOSED'"
            ),
            (
                "quiz time until A SLEEPING\nwait 5min",
                "x.lesson:19:19: unknown state 'SLEEPING': 'until' names the state A reaches"
            ),
            (
                "quiz time until\nwait 5min",
                "x.lesson:19:11: 'until' needs a moment, as in 'until A CLOSED' or 'until arrival'"
            ),
            ("quiz time until A CLOSED until A CLOSED\nwait 5min", "x.lesson:19:26: 'until' twice in one 'quiz' line"),
            (
                "quiz time since A dance\nwait 5min",
                "x.lesson:19:19: 'dance' is neither a call (listen, connect, send, read, shutdown, close, abort) nor a state"
            ),
            (
                "quiz time until A CLOSED since B shutdown\nwait 5min",
                "x.lesson:19:32: B has not called shutdown before this question"
            ),
            (
                "quiz time until A CLOSED since B FIN_WAIT_1\nwait 5min",
                "x.lesson:19:32: B has not entered FIN_WAIT_1 before this question"
            ),
            (
                "quiz time until A CLOSED\nsay",
                "x.lesson:19:1: 'quiz' must come right before a segment line such as 'A > B: S 0:0(0)'"
            ),
        ])
    func misuse(steps: String, expected: String) {
        let found = diagnostics(header + Self.teardown + steps + "\n")
        #expect(found.first == expected, "\(found)")
    }

    @Test("check warns about narration before a state question that names the state reached or the time")
    func leaks() throws {
        func warnings(_ steps: String) throws -> [String] {
            let run = try Self.run(header + Self.teardown + steps)
            #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
            return AnswerLeakLinter.warnings(run.timeline, file: "x.lesson").map(\.message)
        }
        let question = "quiz time until A CLOSED\nwait 5min\n"
        let named = try warnings("  en: A will be CLOSED soon.\n  zh: A很快会进入CLOSED。\n" + question)
        #expect(named.contains { $0.contains("names its answer 'CLOSED'") }, "\(named)")
        let timed = try warnings("say\n  en: A waits 4 minutes.\n  zh: A等待4分钟。\n" + question)
        #expect(timed.contains { $0.contains("names its answer '4 minutes'") }, "\(timed)")
        let clean = try warnings("  en: A is in TIME_WAIT.\n  zh: A处于TIME_WAIT状态。\n" + question)
        #expect(clean.isEmpty, "\(clean)")
    }
}
