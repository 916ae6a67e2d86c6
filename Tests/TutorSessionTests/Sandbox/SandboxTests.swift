import Foundation
import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

@testable import TutorSession

/// A fresh sandbox with A's ISN 100 and B's 300.
func freshSandbox() throws -> Sandbox {
    try Sandbox(
        lessonText: Sandbox.freshLessonText(isn: PerHost(a: SequenceNumber(100), b: SequenceNumber(300))),
        file: "sandbox")
}

extension Sandbox {
    /// Runs each command, expecting each to run a step (or undo one).
    mutating func runAll(_ commands: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for command in commands {
            let outcome = execute(command)
            #expect(outcome == .stepped || outcome == .undone, "\(command): \(outcome)", sourceLocation: sourceLocation)
        }
    }

    var states: PerHost<ConnectionState> { PerHost { run.simulation[$0].state } }
}

@Suite("The sandbox: commands run on the engine")
struct SandboxTests {
    static let handshake = ["B listen", "A connect", "A > B", "B > A", "A > B"]

    @Test("a lost data segment, its retransmission, an undo and a close reach A TIME_WAIT")
    func scriptedSessionReachesTimeWait() throws {
        var sandbox = try freshSandbox()
        sandbox.runAll(Self.handshake)
        #expect(sandbox.states == PerHost(a: .established, b: .established))
        sandbox.runAll(["A send 100", "drop A > B"])
        let lost = try #require(sandbox.timeline.frames.last?.wire)
        #expect(lost.fate == .dropped && lost.segment.seq.rawValue == 101 && lost.segment.payloadLength == 100)
        #expect(sandbox.choices.inFlight == PerHost(a: 0, b: 0) && sandbox.choices.nextTimer == 1000)
        sandbox.runAll(["wait 1s"])
        // The retransmission timer fires (RFC 6298 §5.4) and sends the same segment again.
        let resent = try #require(sandbox.timeline.frames.last?.emitted.first)
        #expect(
            resent.segment.seq.rawValue == 101 && resent.segment.payloadLength == 100
                && resent.sentBecause == .retransmissionTimeout)
        // B reads the data: a close() with unread data would send RST instead of FIN (SHLD-3).
        sandbox.runAll(["A > B", "B > A", "B read"])
        #expect(sandbox.run.simulation[.a].tcb?.sndUna.rawValue == 201)
        let beforeClose = sandbox.timeline
        sandbox.runAll(["A close", "undo"])
        #expect(sandbox.timeline == beforeClose)
        #expect(sandbox.states == PerHost(a: .established, b: .established))
        sandbox.runAll(["A close", "A > B"])
        #expect(sandbox.states == PerHost(a: .finWait1, b: .closeWait))
        sandbox.runAll(["B > A"])
        #expect(sandbox.states == PerHost(a: .finWait2, b: .closeWait))
        sandbox.runAll(["B close", "B > A"])
        #expect(sandbox.states == PerHost(a: .timeWait, b: .lastAck))
        sandbox.runAll(["A > B"])
        #expect(sandbox.states == PerHost(a: .timeWait, b: .closed))
        #expect(sandbox.typedSteps == 17)
    }

    @Test("undo goes back exactly: the same timeline, the same engine, the same choices")
    func undoIsExact() throws {
        var sandbox = try freshSandbox()
        sandbox.runAll(Self.handshake + ["A send 50", "A send 20"])
        let timeline = sandbox.timeline
        let choices = sandbox.choices
        let wire = sandbox.run.simulation.wire
        for command in ["duplicate A > B", "reorder A > B", "wait 3s", "A abort", "inject B > A: R 300:300(0)"] {
            #expect(sandbox.execute(command) == .stepped, "\(command)")
            #expect(sandbox.execute("undo") == .undone)
            #expect(sandbox.timeline == timeline && sandbox.choices == choices && sandbox.run.simulation.wire == wire)
        }
        var fresh = try freshSandbox()
        #expect(fresh.execute("undo") == .nothingToUndo)
    }

    @Test("a bad command names its column and what was expected, and changes nothing")
    func badCommandChangesNothing() throws {
        var sandbox = try freshSandbox()
        sandbox.runAll(["B listen", "A connect"])
        let timeline = sandbox.timeline
        let cases: [(String, Int, String)] = [
            ("A conect", 3, "unknown call 'conect'"),
            ("fly A > B", 1, "expected a step"),
            ("drop A > C", 10, "expected 'A > B'"),
            ("A > B: S 999:999(0)", 8, "this segment is not what A sends: expected S 100:100(0)"),
            ("B > A", 1, "B has sent nothing that is still on its way to A"),
            ("wait soon", 6, "'soon' is not a duration"),
            ("save", 5, "expected a file name"),
            ("save notes.txt", 6, "expected a file name ending in .lesson"),
            ("undo now", 6, "expected nothing after 'undo'"),
            ("quiz flags", 1, "expected a step"),
        ]
        for (command, column, message) in cases {
            let outcome = sandbox.execute(command)
            guard case .problem(let at, let text) = outcome else {
                Issue.record("\(command): \(outcome)")
                continue
            }
            #expect(at == column, "\(command): \(text.en)")
            #expect(text.en.contains(message), "\(command): \(text.en)")
            #expect(sandbox.timeline == timeline && sandbox.typedSteps == 2)
        }
    }

    @Test("a call the socket API refuses is explained with its rule and not run")
    func refusedCallIsExplained() throws {
        var sandbox = try freshSandbox()
        sandbox.runAll(Self.handshake + ["A shutdown"])
        let timeline = sandbox.timeline
        guard case .refused(let refusal) = sandbox.execute("A send 10") else {
            Issue.record("send after shutdown was not refused")
            return
        }
        #expect(refusal.error == .connectionClosing && refusal.state == .finWait1 && refusal.section == "§3.10.2")
        #expect(refusal.explanation.en.contains("\u{201C}connection closing\u{201D} (RFC 9293 §3.10.2)"))
        #expect(refusal.explanation.zh.contains("主机A已经关闭了发送方向"))
        #expect(sandbox.timeline == timeline && sandbox.typedSteps == 6)
        #expect(!sandbox.choices.calls.a.contains("send") && sandbox.choices.calls.b.contains("send"))
        guard case .refused(let again) = sandbox.execute("A listen") else {
            Issue.record("listen on an open connection was not refused")
            return
        }
        #expect(again.error == .connectionExists && again.section == "§3.10.1")
    }

    @Test("the choices are the engine's: calls each state allows, segments in flight, the next timer")
    func choicesFollowTheEngine() throws {
        var sandbox = try freshSandbox()
        #expect(sandbox.choices.calls == PerHost(a: ["listen", "connect"], b: ["listen", "connect"]))
        #expect(sandbox.choices.nextTimer == nil)
        sandbox.runAll(["A connect"])
        #expect(sandbox.choices.inFlight == PerHost(a: 1, b: 0))
        #expect(sandbox.choices.calls.a == ["send", "read", "shutdown", "close", "abort"])
        #expect(sandbox.choices.nextTimer == 1000)
    }

    @Test("Tab completes from the grammar and from what the engine allows now")
    func completion() throws {
        var sandbox = try freshSandbox()
        func complete(_ line: String) -> SandboxCompletion {
            SandboxCompletion.complete(line, choices: sandbox.choices)
        }
        #expect(complete("B l") == SandboxCompletion(line: "B listen ", candidates: []))
        #expect(complete("A c") == SandboxCompletion(line: "A connect ", candidates: []))
        #expect(complete("d") == SandboxCompletion(line: "d", candidates: ["drop", "duplicate"]))
        #expect(complete("dr").line == "drop ")
        // Nothing in flight yet: no direction to drop.
        #expect(complete("drop ").candidates.isEmpty && complete("drop ").line == "drop ")
        sandbox.runAll(["B listen", "A connect"])
        #expect(complete("drop ") == SandboxCompletion(line: "drop A ", candidates: []))
        #expect(complete("drop A ").line == "drop A > ")
        #expect(complete("drop A > ").line == "drop A > B ")
        #expect(
            complete("A ")
                == SandboxCompletion(line: "A ", candidates: [">", "send", "read", "shutdown", "close", "abort"]))
        #expect(complete("wait ").line == "wait 1s ")
    }

    @Test("save writes a lesson that parses, runs without a problem and passes the linter")
    func savedLessonChecks() throws {
        var sandbox = try freshSandbox()
        sandbox.runAll(Self.handshake + ["A send 100", "drop A > B", "wait 1s", "A > B", "B > A", "A close"])
        sandbox.runAll(["inject B > A: . 301:301(0) ack 50 win 1000"])
        guard case .save(let path, let text) = sandbox.execute("save sessions/My Lost Segment.lesson") else {
            Issue.record("save gave no text")
            return
        }
        #expect(path == "sessions/My Lost Segment.lesson")
        #expect(text.hasPrefix("id: my-lost-segment\n"))
        #expect(text.contains("\ndrop A > B: P. 101:201(100) ack 301\n  en:\n  zh:\n"))
        #expect(text.contains("\ninject B > A: . 301:301(0) ack 50 win 1000\n"))
        #expect(text.contains("\nA close\n  en:\n  zh:\nexpect A FIN_WAIT_1, B ESTABLISHED\n"))
        let lesson = try LessonParser.parse(text, file: path)
        #expect(lesson.steps.count == sandbox.typedSteps)
        let run = LessonRunner.run(lesson)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(LessonLinter.lint(lesson).isEmpty)
        #expect(run.timeline.frames.map(\.hosts) == sandbox.timeline.frames.map(\.hosts))
    }

    @Test("a lesson file goes on from its end; its own steps cannot be undone")
    func goesOnFromALesson() throws {
        let file = Curriculum.path + "/02-three-way-handshake.lesson"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var sandbox = try Sandbox(lessonText: text, file: file, sources: [.a: .fixed(5), .b: .fixed(9)])
        #expect(sandbox.states == PerHost(a: .established, b: .established))
        #expect(sandbox.run.simulation[.a].tcb?.iss.rawValue == 5)
        #expect(sandbox.execute("undo") == .nothingToUndo)
        sandbox.runAll(["A send 10", "A > B"])
        #expect(sandbox.run.simulation[.b].tcb?.rcvNxt.rawValue == 16)
        guard case .save(_, let saved) = sandbox.execute("save handshake-and-data.lesson") else {
            Issue.record("save gave no text")
            return
        }
        // The numbers are written against the lesson's own ISNs, so the saved lesson runs as written.
        #expect(saved.contains("\nA > B: P. 3626544837:3626544847(10) ack 1739326487\n"))
        #expect(LessonRunner.run(try LessonParser.parse(saved, file: "saved")).diagnostics.isEmpty)
    }
}
